package dev.dockmock.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ResponseBody;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VersionGateTest {
    private final AtomicInteger reached = new AtomicInteger();
    private final VersionGate gate = new VersionGate(ApiRange.parse("1.24", "1.50"), "Docker/28.2.2 (linux)", r -> {
        reached.incrementAndGet();
        return ApiResponse.text(200, "ok");
    });

    private static String text(ApiResponse response) {
        return ((ResponseBody.Bytes) response.body()).text();
    }

    @Test
    void refusesTooOldVersionsAsDockerdDoes() {
        ApiResponse answer = gate.dispatch(ApiRequest.of("GET", "/v1.23/version"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(text(answer)).contains("client version 1.23 is too old. Minimum supported API version is 1.24, "
                + "please upgrade your client to a newer version");
        assertThat(reached).hasValue(0);
    }

    @Test
    void refusesTooNewVersionsAsDockerdDoes() {
        ApiResponse answer = gate.dispatch(ApiRequest.of("GET", "/v1.51/version"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(text(answer)).contains("client version 1.51 is too new. Maximum supported API version is 1.50");
    }

    @Test
    void passesVersionsInRangeAndUnversionedPaths() {
        assertThat(gate.dispatch(ApiRequest.of("GET", "/v1.24/version")).status()).isEqualTo(200);
        assertThat(gate.dispatch(ApiRequest.of("GET", "/v1.50/version")).status()).isEqualTo(200);
        assertThat(gate.dispatch(ApiRequest.of("GET", "/version")).status()).isEqualTo(200);
        assertThat(reached).hasValue(3);
    }

    @Test
    void stampsDaemonHeadersOnEveryAnswer() {
        ApiResponse answer = gate.dispatch(ApiRequest.of("GET", "/v1.10/x"));
        assertThat(answer.headers().first("Api-Version")).contains("1.50");
        assertThat(answer.headers().first("Ostype")).contains("linux");
        assertThat(answer.headers().first("Docker-Experimental")).contains("false");
        assertThat(answer.headers().first("Server")).contains("Docker/28.2.2 (linux)");
    }
}
