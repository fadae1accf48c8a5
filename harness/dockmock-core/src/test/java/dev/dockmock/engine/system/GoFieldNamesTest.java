package dev.dockmock.engine.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.protocol.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Go's case-insensitive match of JSON keys to struct fields, for the fields named. */
class GoFieldNamesTest {
    private static JsonNode parse(String json) {
        return Json.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keysInAnotherCaseTakeTheFieldsName() {
        JsonNode mode = GoFieldNames.canonical(parse("{\"replicated\": {\"replicas\": 2}}"), "Replicated", "Global");
        GoFieldNames.canonical(mode.path("Replicated"), "Replicas");
        assertThat(mode.toString()).isEqualTo("{\"Replicated\":{\"Replicas\":2}}");
        assertThat(GoFieldNames.canonical(parse("{\"GLOBAL\": {}}"), "Replicated", "Global").toString())
                .isEqualTo("{\"Global\":{}}");
    }

    @Test
    void theExactNameWinsAndOtherSpellingsAreDropped() {
        JsonNode node = GoFieldNames.canonical(parse("{\"replicas\": 1, \"Replicas\": 3, \"REPLICAS\": 5}"), "Replicas");
        assertThat(node.toString()).isEqualTo("{\"Replicas\":3}");
    }

    @Test
    void keysNotNamedAndNonObjectsStayAsTheyAre() {
        assertThat(GoFieldNames.canonical(parse("{\"labels\": {\"a\": \"b\"}}"), "Replicas").toString())
                .isEqualTo("{\"labels\":{\"a\":\"b\"}}");
        assertThat(GoFieldNames.canonical(parse("[1]"), "Replicas").toString()).isEqualTo("[1]");
        assertThat(GoFieldNames.canonical(Json.parse("{}".getBytes(StandardCharsets.UTF_8)).path("x"), "X").isMissingNode()).isTrue();
    }
}
