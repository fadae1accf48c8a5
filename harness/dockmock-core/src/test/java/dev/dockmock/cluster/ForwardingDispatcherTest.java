package dev.dockmock.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import org.junit.jupiter.api.Test;

/** What a replica manager forwards to the leader and what it answers itself. */
class ForwardingDispatcherTest {
    private final ForwardingDispatcher dispatcher = new ForwardingDispatcher(r -> ApiResponse.text(200, "local"),
            r -> ApiResponse.text(200, "leader"));

    private String answer(String method, String target) {
        return ((dev.dockmock.protocol.ResponseBody.Bytes) dispatcher.dispatch(ApiRequest.of(method, target)).body()).text();
    }

    @Test
    void theSwarmsStateGoesToTheLeader() {
        assertThat(answer("GET", "/v1.50/nodes")).isEqualTo("leader");
        assertThat(answer("GET", "/services/web/logs?stdout=1")).isEqualTo("leader");
        assertThat(answer("POST", "/v1.44/secrets/create")).isEqualTo("leader");
        assertThat(answer("GET", "/tasks/abc")).isEqualTo("leader");
        assertThat(answer("GET", "/configs")).isEqualTo("leader");
        assertThat(answer("GET", "/swarm")).isEqualTo("leader");
        assertThat(answer("POST", "/swarm/update?version=3")).isEqualTo("leader");
        assertThat(answer("GET", "/swarm/unlockkey")).isEqualTo("leader");
    }

    @Test
    void theNodeItselfAnswersForItself() {
        assertThat(answer("HEAD", "/_ping")).isEqualTo("local");
        assertThat(answer("GET", "/v1.50/info")).isEqualTo("local");
        assertThat(answer("GET", "/containers/json")).isEqualTo("local");
        assertThat(answer("POST", "/swarm/leave?force=1")).isEqualTo("local");
        assertThat(answer("POST", "/swarm/join")).isEqualTo("local");
        assertThat(answer("GET", "/nodesx")).isEqualTo("local");
    }
}
