package dev.dockmock.replay;

import static dev.dockmock.replay.Cassettes.request;
import static dev.dockmock.replay.Cassettes.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.session.Cassette;
import org.junit.jupiter.api.Test;

class ReplayMatchingTest {
    private static final String CREATE = "{\"Image\":\"alpine:3.20\",\"Cmd\":[\"echo\",\"hi\"],\"HostConfig\":{\"AutoRemove\":true}}\n";

    private static Cassette sample() {
        return Cassettes.builder()
                .add("HEAD", "/_ping", "", "")
                .add("GET", "/v1.50/containers/json?all=1&filters=%7B%7D", "", "[\"first\"]")
                .add("POST", "/v1.50/containers/create?name=w", CREATE, "{\"Id\":\"c1\"}")
                .add("GET", "/v1.50/containers/json?all=1&filters=%7B%7D", "", "[\"second\"]")
                .add("POST", "/v1.50/containers/c1/start", "", "")
                .build();
    }

    @Test
    void versionPrefixIsIgnored() {
        ReplayDispatcher replay = new ReplayDispatcher(sample());

        assertThat(text(replay.dispatch(request("GET", "/containers/json?all=1&filters=%7B%7D", "")))).isEqualTo("[\"first\"]");
        assertThat(text(replay.dispatch(request("GET", "/v1.41/containers/json?all=1&filters=%7B%7D", "")))).isEqualTo("[\"second\"]");
    }

    @Test
    void queryOrderDoesNotMatterButValuesDo() {
        ReplayDispatcher replay = new ReplayDispatcher(sample());

        assertThat(text(replay.dispatch(request("GET", "/v1.50/containers/json?filters=%7B%7D&all=1", "")))).isEqualTo("[\"first\"]");
        ApiResponse miss = replay.dispatch(request("GET", "/v1.50/containers/json?filters=%7B%7D&all=0", ""));
        assertThat(miss.status()).isEqualTo(400);
        assertThat(text(miss)).contains("for GET /containers/json?filters={}&all=0; nearest is #4 GET /containers/json?all=1&filters={}",
                "query parameter all: recorded \\\"1\\\", got \\\"0\\\"");
    }

    @Test
    void jsonBodiesCompareByValue() {
        ReplayDispatcher replay = new ReplayDispatcher(sample());
        String reordered = "{ \"HostConfig\": {\"AutoRemove\": true}, \"Cmd\": [\"echo\", \"hi\"], \"Image\": \"alpine:3.20\" }";

        ApiResponse answer = replay.dispatch(request("POST", "/v1.44/containers/create?name=w", reordered));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(text(answer)).isEqualTo("{\"Id\":\"c1\"}");
    }

    /** The docker CLI keeps {@code -e} variables in a Go map: their order changes from run to run. */
    @Test
    void envListsMatchInAnyOrderButNotWithOtherValues() {
        String recorded = "{\"Image\":\"alpine\",\"Env\":[\"MODE=dev\",\"DB=x\",\"ZED=1\"],\"HostConfig\":{}}";
        ReplayDispatcher replay = new ReplayDispatcher(Cassettes.builder()
                .add("POST", "/v1.50/containers/create", recorded, "{\"Id\":\"c1\"}").build());

        ApiResponse reordered = replay.dispatch(request("POST", "/v1.50/containers/create",
                "{\"Image\":\"alpine\",\"Env\":[\"ZED=1\",\"MODE=dev\",\"DB=x\"],\"HostConfig\":{}}"));
        ApiResponse changed = replay.dispatch(request("POST", "/v1.50/containers/create",
                "{\"Image\":\"alpine\",\"Env\":[\"ZED=2\",\"MODE=dev\",\"DB=x\"],\"HostConfig\":{}}"));

        assertThat(text(reordered)).isEqualTo("{\"Id\":\"c1\"}");
        assertThat(changed.status()).isEqualTo(400);
        assertThat(text(changed)).contains("body field Env[2]: recorded \\\"ZED=1\\\", got \\\"ZED=2\\\"");
    }

    @Test
    void nearMissNamesTheDifferingField() {
        ReplayDispatcher replay = new ReplayDispatcher(sample());

        ApiResponse miss = replay.dispatch(request("POST", "/v1.50/containers/create?name=w", CREATE.replace("3.20", "3.19")));

        assertThat(miss.status()).isEqualTo(400);
        assertThat(miss.headers().first("Content-Type")).contains("application/json");
        assertThat(text(miss)).isEqualTo("{\"message\":\"dockmock replay: no recorded interaction for POST /containers/create?name=w;"
                + " nearest is #3 POST /containers/create?name=w, which differs in body field Image:"
                + " recorded \\\"alpine:3.20\\\", got \\\"alpine:3.19\\\"\"}");
        assertThat(replay.unmatched()).hasSize(1);
    }

    @Test
    void nearMissListsNestedFieldsAndMissingOnes() {
        ReplayDispatcher replay = new ReplayDispatcher(sample());
        String changed = "{\"Image\":\"alpine:3.20\",\"Cmd\":[\"echo\",\"ho\"],\"HostConfig\":{},\"Tty\":true}";

        String message = text(replay.dispatch(request("POST", "/containers/create?name=w", changed)));

        assertThat(message).contains("body field Cmd[1]: recorded \\\"hi\\\", got \\\"ho\\\"",
                "body field HostConfig.AutoRemove: recorded true, got (absent)", "body field Tty: recorded (absent), got true");
    }

    @Test
    void ignoredFieldsAreLeftOut() {
        ReplayDispatcher replay = new ReplayDispatcher(sample(), ReplayOptions.defaults().withIgnoredBodyFields("/Image", "/HostConfig/*"));

        ApiResponse answer = replay.dispatch(request("POST", "/containers/create?name=w",
                "{\"Image\":\"other\",\"Cmd\":[\"echo\",\"hi\"],\"HostConfig\":{\"AutoRemove\":false}}"));

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void ignoredQueryParametersAreLeftOut() {
        ReplayDispatcher replay = new ReplayDispatcher(sample(), ReplayOptions.defaults().withIgnoredQueryParameters("filters"));

        assertThat(replay.dispatch(request("GET", "/containers/json?all=1&filters=%7B%22a%22%7D", "")).status()).isEqualTo(200);
    }

    @Test
    void nonJsonBodiesCompareByBytes() {
        Cassette cassette = Cassettes.builder().add("PUT", "/containers/c/archive?path=/tmp", "tar-bytes", "").build();
        ReplayDispatcher replay = new ReplayDispatcher(cassette);

        assertThat(replay.dispatch(request("PUT", "/containers/c/archive?path=/tmp", "tar-bytes")).status()).isEqualTo(200);
        assertThat(text(replay.dispatch(request("PUT", "/containers/c/archive?path=/tmp", "other"))))
                .contains("differs in body: recorded \\\"tar-bytes\\\" (9 bytes), got \\\"other\\\" (5 bytes)");
    }

    @Test
    void repeatedRequestsGetTheirRecordingsInOrderThenTheLastAgain() {
        ReplayDispatcher replay = new ReplayDispatcher(sample());
        String list = "/containers/json?all=1&filters=%7B%7D";

        assertThat(text(replay.dispatch(request("GET", list, "")))).isEqualTo("[\"first\"]");
        assertThat(text(replay.dispatch(request("GET", list, "")))).isEqualTo("[\"second\"]");
        assertThat(text(replay.dispatch(request("GET", list, "")))).isEqualTo("[\"second\"]");
    }

    @Test
    void strictModeServesEachRecordingOnceInOrder() {
        ReplayDispatcher replay = new ReplayDispatcher(sample(), ReplayOptions.defaults().withMode(ReplayMode.STRICT));
        String list = "/containers/json?all=1&filters=%7B%7D";

        assertThat(replay.dispatch(request("GET", list, "")).status()).isEqualTo(200);
        ApiResponse early = replay.dispatch(request("POST", "/containers/c1/start", ""));
        assertThat(text(early)).contains("dockmock replay (strict): POST /containers/c1/start came out of order: it matches"
                + " #5 POST /containers/c1/start, but the next recorded interaction is #3 POST /containers/create?name=w");
        assertThat(replay.dispatch(request("POST", "/containers/create?name=w", CREATE)).status()).isEqualTo(200);
        assertThat(replay.dispatch(request("GET", list, "")).status()).isEqualTo(200);
        assertThat(replay.dispatch(request("POST", "/containers/c1/start", "")).status()).isEqualTo(200);
        assertThat(text(replay.dispatch(request("POST", "/containers/c1/start", ""))))
                .contains("was recorded 1 time and has been served already (#5)");
    }

    @Test
    void strictModeLetsProbesComeAnyTimeAndAgain() {
        ReplayDispatcher replay = new ReplayDispatcher(sample(), ReplayOptions.defaults().withMode(ReplayMode.STRICT));

        assertThat(replay.dispatch(request("GET", "/containers/json?all=1&filters=%7B%7D", "")).status()).isEqualTo(200);
        assertThat(replay.dispatch(request("HEAD", "/_ping", "")).status()).isEqualTo(200);
        assertThat(replay.dispatch(request("HEAD", "/_ping", "")).status()).isEqualTo(200);
    }

    @Test
    void unusedAndVerifyListWhatNobodyAskedFor() {
        ReplayDispatcher replay = new ReplayDispatcher(sample());
        replay.dispatch(request("HEAD", "/_ping", ""));
        replay.dispatch(request("POST", "/containers/create?name=w", CREATE));

        assertThat(replay.unused()).extracting(i -> i.id()).containsExactly(2, 4, 5);
        assertThatThrownBy(replay::verify)
                .isInstanceOf(UnusedInteractionsError.class)
                .hasMessage("dockmock replay: 3 recorded interactions were never requested:\n"
                        + "  #2 GET /containers/json?all=1&filters={}\n"
                        + "  #4 GET /containers/json?all=1&filters={}\n"
                        + "  #5 POST /containers/c1/start");
    }

    @Test
    void verifyPassesWhenEverythingWasServed() {
        Cassette one = Cassettes.builder().add("GET", "/version", "", "{}").build();
        ReplayDispatcher replay = new ReplayDispatcher(one);
        replay.dispatch(request("GET", "/v1.50/version", ""));

        replay.verify();
        assertThat(replay.unused()).isEmpty();
    }

    @Test
    void incomingSecretsAreMaskedBeforeComparison() {
        Cassette masked = Cassettes.builder()
                .add("POST", "/containers/create", "{\"Image\":\"alpine\",\"Env\":[\"DB_PASSWORD=***\"]}", "{\"Id\":\"c\"}")
                .build();
        ReplayDispatcher replay = new ReplayDispatcher(masked);

        assertThat(replay.dispatch(request("POST", "/containers/create",
                "{\"Image\":\"alpine\",\"Env\":[\"DB_PASSWORD=hunter2\"]}")).status()).isEqualTo(200);
    }

    @Test
    void anEmptyCassetteSaysSo() {
        ReplayDispatcher replay = new ReplayDispatcher(Cassettes.builder().build());

        assertThat(text(replay.dispatch(request("GET", "/info", "")))).contains("the cassette has no interactions");
    }
}
