package dev.dockmock.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Headers;
import org.junit.jupiter.api.Test;

/** How the version gate stamps daemon headers onto answers that already carry some. */
class VersionGateStampTest {

    private static ApiResponse through(ApiResponse answer) {
        return new VersionGate(ApiRange.parse("1.24", "1.50"), "Docker/28.2.2 (linux)", r -> answer)
                .dispatch(ApiRequest.of("GET", "/_ping"));
    }

    @Test
    void appendsTheDaemonFieldsAfterTheAnswersOwn() {
        ApiResponse stamped = through(ApiResponse.text(200, "OK"));

        assertThat(stamped.headers()).isEqualTo(Headers.of("Content-Type", "text/plain; charset=utf-8",
                "Api-Version", "1.50", "Docker-Experimental", "false", "Ostype", "linux", "Server", "Docker/28.2.2 (linux)"));
    }

    @Test
    void replacesDaemonFieldsTheAnswerSetInAnyCase() {
        ApiResponse answer = new ApiResponse(200, Headers.of("SERVER", "other", "X-A", "1", "ostype", "windows"),
                ApiResponse.text(200, "OK").body());

        assertThat(through(answer).headers()).isEqualTo(Headers.of("X-A", "1", "Api-Version", "1.50",
                "Docker-Experimental", "false", "Ostype", "linux", "Server", "Docker/28.2.2 (linux)"));
    }

    @Test
    void leavesAnswersThatCarryTheirOwnApiVersionAlone() {
        ApiResponse answer = new ApiResponse(200, Headers.of("api-version", "1.41", "Server", "Docker/20.10"),
                ApiResponse.text(200, "OK").body());

        assertThat(through(answer)).isSameAs(answer);
    }
}
