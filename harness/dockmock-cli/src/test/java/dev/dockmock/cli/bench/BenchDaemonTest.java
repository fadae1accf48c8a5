package dev.dockmock.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.DaemonIdentity;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Json;
import dev.dockmock.protocol.ResponseBody;
import org.junit.jupiter.api.Test;

class BenchDaemonTest {

    @Test
    void answersAFifteenKilobyteContainerListAsTheDaemonWould() {
        byte[] list = BenchDaemon.containerList();

        ApiResponse answer = BenchDaemon.dispatcher(DaemonIdentity.defaults(), list)
                .dispatch(ApiRequest.of("GET", "/v1.50/containers/json"));

        assertThat(list.length).isBetween(14_000, 16_500);
        assertThat(Json.parse(list)).hasSize(BenchDaemon.CONTAINERS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().first("Content-Type")).contains("application/json");
        assertThat(answer.headers().first("Api-Version")).contains("1.50");
        assertThat(((ResponseBody.Bytes) answer.body()).data()).isSameAs(list);
    }
}
