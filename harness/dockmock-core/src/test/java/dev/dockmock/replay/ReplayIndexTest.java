package dev.dockmock.replay;

import static dev.dockmock.replay.Cassettes.request;
import static dev.dockmock.replay.Cassettes.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.session.Cassette;
import org.junit.jupiter.api.Test;

/**
 * The replay looks requests up among the interactions of their method and path, remembering
 * where the first unused one is: answers must be those a scan of the whole cassette would give.
 */
class ReplayIndexTest {
    private static final String A = "{\"Image\":\"alpine\",\"Cmd\":[\"echo\",\"a\"]}";
    private static final String B = "{\"Image\":\"alpine\",\"Cmd\":[\"echo\",\"b\"]}";

    private static Cassette creates() {
        return Cassettes.builder()
                .add("POST", "/v1.50/containers/create", A, "{\"Id\":\"a1\"}")
                .add("POST", "/v1.50/containers/create", B, "{\"Id\":\"b1\"}")
                .add("POST", "/v1.50/containers/create", A, "{\"Id\":\"a2\"}")
                .add("GET", "/v1.50/containers/a1/json", "", "{\"Id\":\"a1\"}")
                .build();
    }

    @Test
    void anUnusedInteractionBeforeAUsedOneOfTheSamePathIsStillServed() {
        ReplayDispatcher replay = new ReplayDispatcher(creates());

        assertThat(text(replay.dispatch(request("POST", "/containers/create", B)))).isEqualTo("{\"Id\":\"b1\"}");
        assertThat(text(replay.dispatch(request("POST", "/containers/create", A)))).isEqualTo("{\"Id\":\"a1\"}");
        assertThat(text(replay.dispatch(request("POST", "/containers/create", A)))).isEqualTo("{\"Id\":\"a2\"}");
        assertThat(text(replay.dispatch(request("POST", "/containers/create", A)))).isEqualTo("{\"Id\":\"a2\"}");
        assertThat(text(replay.dispatch(request("POST", "/containers/create", B)))).isEqualTo("{\"Id\":\"b1\"}");
    }

    @Test
    void strictModeFollowsTheRecordedOrderAcrossPaths() {
        ReplayDispatcher replay = new ReplayDispatcher(creates(), ReplayOptions.defaults().withMode(ReplayMode.STRICT));

        assertThat(text(replay.dispatch(request("POST", "/containers/create", A)))).isEqualTo("{\"Id\":\"a1\"}");
        assertThat(text(replay.dispatch(request("GET", "/containers/a1/json", ""))))
                .contains("came out of order", "the next recorded interaction is #2 POST /containers/create");
        assertThat(text(replay.dispatch(request("POST", "/containers/create", A))))
                .contains("came out of order: it matches #3", "the next recorded interaction is #2");
        assertThat(text(replay.dispatch(request("POST", "/containers/create", B)))).isEqualTo("{\"Id\":\"b1\"}");
        assertThat(text(replay.dispatch(request("POST", "/containers/create", A)))).isEqualTo("{\"Id\":\"a2\"}");
        assertThat(text(replay.dispatch(request("GET", "/containers/a1/json", "")))).isEqualTo("{\"Id\":\"a1\"}");
        assertThat(text(replay.dispatch(request("POST", "/containers/create", B))))
                .contains("was recorded 1 time and has been served already (#2)");
    }
}
