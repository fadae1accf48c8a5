package dev.dockmock.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ClientInfo;
import dev.dockmock.protocol.Headers;
import dev.dockmock.protocol.ResponseBody;
import dev.dockmock.protocol.TransportFault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which requests rules take, how often, and what fault files say. */
class FaultRulesTest {
    private final FaultRules rules = new FaultRules();
    private final FaultDispatcher dispatcher = new FaultDispatcher(rules, request -> ApiResponse.text(200, "engine"));

    private static ApiRequest request(String method, String target, String agent, String body) {
        return ApiRequest.of(method, target, Headers.of("User-Agent", agent), body.getBytes(StandardCharsets.UTF_8),
                ClientInfo.inMemory());
    }

    @Test
    void theNextNMatchingRequestsFailThenTheDispatcherAnswersAgain() {
        rules.add(FaultRule.fail(RequestMatch.of("POST", "/containers/create"), 2, 409, "conflict"));
        ApiRequest create = request("POST", "/v1.50/containers/create?name=x", "Docker-Client/28", "{}");
        assertThat(dispatcher.dispatch(create).status()).isEqualTo(409);
        assertThat(dispatcher.dispatch(request("GET", "/containers/json", "x", "")).status()).isEqualTo(200);
        assertThat(dispatcher.dispatch(create).status()).isEqualTo(409);
        assertThat(dispatcher.dispatch(create).status()).isEqualTo(200);
        assertThat(rules.list().get(0).applied()).isEqualTo(2);
        assertThat(rules.list().get(0).remaining()).isZero();
    }

    @Test
    void queryBodyFieldsAndUserAgentNarrowTheMatch() {
        RequestMatch match = RequestMatch.of("POST", "/containers/create").withQuery("name", "web")
                .withBodyField("HostConfig.Memory", "1024").withUserAgent("docker-java/*");
        String body = "{\"Image\": \"nginx\", \"HostConfig\": {\"Memory\": 1024}}";
        assertThat(match.matches(request("POST", "/containers/create?name=web", "docker-java/3.7", body))).isTrue();
        assertThat(match.matches(request("POST", "/containers/create?name=web", "Docker-Client/28", body))).isFalse();
        assertThat(match.matches(request("POST", "/containers/create?name=db", "docker-java/3.7", body))).isFalse();
        assertThat(match.matches(request("POST", "/containers/create?name=web", "docker-java/3.7", "{}"))).isFalse();
        assertThat(RequestMatch.of(null, "/containers/{id}/logs").matches(request("GET", "/containers/abc/logs", "", ""))).isTrue();
    }

    @Test
    void transportFaultsWrapTheAnswerOrReplaceIt() {
        rules.add(FaultRule.transport(RequestMatch.of("GET", "/a"), FaultRule.EVERY, new TransportFault.Dribble(4, Duration.ZERO)));
        rules.add(FaultRule.transport(RequestMatch.of("GET", "/b"), 1, new TransportFault.ConnectionReset()).delayed(Duration.ofMillis(5)));
        ResponseBody a = dispatcher.dispatch(request("GET", "/a", "", "")).body();
        assertThat(a).isInstanceOfSatisfying(ResponseBody.Faulted.class, f -> assertThat(f.body()).isInstanceOf(ResponseBody.Bytes.class));
        ResponseBody b = dispatcher.dispatch(request("GET", "/b", "", "")).body();
        assertThat(b).isInstanceOfSatisfying(ResponseBody.Faulted.class, f -> {
            assertThat(f.fault()).isEqualTo(new TransportFault.FixedDelay(Duration.ofMillis(5)));
            assertThat(((ResponseBody.Faulted) f.body()).fault()).isInstanceOf(TransportFault.ConnectionReset.class);
        });
    }

    @Test
    void faultFilesReadEveryTransportFaultAndExplainMistakes() {
        List<FaultRule> read = FaultFile.rules(new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).valueToTree(List.of()));
        assertThat(read).isEmpty();
        for (String type : List.of("reset", "empty", "malformed-chunk", "random-data", "stall")) {
            assertThat(FaultFile.transport(com.fasterxml.jackson.databind.node.TextNode.valueOf(type)).replacesAnswer()).isTrue();
        }
        assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("250ms");
        assertThatThrownBy(() -> new FaultRule("x", RequestMatch.ANY, 0, new FaultAction.Fail(500, "m"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultAction.Fail(200, "fine")).hasMessageContaining("4xx or 5xx");
    }
}
