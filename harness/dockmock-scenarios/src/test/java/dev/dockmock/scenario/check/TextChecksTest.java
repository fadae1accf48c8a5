package dev.dockmock.scenario.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.protocol.Json;
import dev.dockmock.scenario.model.JsonExpect;
import dev.dockmock.scenario.model.TextExpect;
import dev.dockmock.scenario.result.Failure;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextChecksTest {

    @Test
    void jsonPathsReachFieldsElementsAndQuotedNames() throws Exception {
        var doc = Json.mapper().readTree("[{\"Names\": [\"/web\"], \"Labels\": {\"a.b\": \"c\"}}, {\"Id\": 2}]");

        assertThat(JsonPath.find(doc, "$[0].Names[0]").asText()).isEqualTo("/web");
        assertThat(JsonPath.find(doc, "[0].Labels['a.b']").asText()).isEqualTo("c");
        assertThat(JsonPath.find(doc, "$[-1].Id").asInt()).isEqualTo(2);
        assertThat(JsonPath.find(doc, "$[5].Id").isMissingNode()).isTrue();
    }

    @Test
    void eachExpectationThatDoesNotHoldIsNamed() {
        TextExpect expect = new TextExpect(Optional.of("other"), List.of("hi"), List.of("panic"), List.of(Pattern.compile("^\\d+$")),
                Optional.of(true), List.of());

        List<Failure> failures = TextChecks.check("stdout of step 's'", "panic: bye\n", expect);

        assertThat(failures).extracting(Failure::message).containsExactly(
                "stdout of step 's' should be exactly the expected text",
                "stdout of step 's' should contain \"hi\"",
                "stdout of step 's' should not contain \"panic\"",
                "stdout of step 's' should match /^\\d+$/",
                "stdout of step 's' should be empty");
    }

    @Test
    void jsonExpectationsCompareAsText() {
        TextExpect expect = new TextExpect(Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), List.of(
                new JsonExpect("State.Running", Optional.of("true"), Optional.empty(), Optional.empty(), Optional.empty()),
                new JsonExpect("State.Pid", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false)),
                new JsonExpect("Env", Optional.empty(), Optional.empty(), Optional.of(3), Optional.empty())));

        List<Failure> failures = TextChecks.check("body", "{\"State\": {\"Running\": false, \"Pid\": 7}, \"Env\": [1]}", expect);

        assertThat(failures).extracting(Failure::message).containsExactly(
                "body at State.Running should be \"true\", is \"false\"",
                "body at State.Pid should not exist, but is 7",
                "body at Env should have length 3, has 1");
        assertThat(TextChecks.check("body", "not json", expect)).extracting(Failure::message).singleElement().asString()
                .startsWith("body should be JSON");
    }
}
