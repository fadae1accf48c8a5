package dev.dockmock.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ResponseBody;
import dev.dockmock.protocol.StreamSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The checker itself: each rule catches what it should, and streams never hang the recorder. */
@Timeout(30)
class ContractRecorderTest {
    private static final ApiSpec SPEC = ApiSpec.load("1.50");

    private static List<String> messages(Dispatcher stub, String method, String target) {
        ContractRecorder recorder = new ContractRecorder(stub, SPEC, Duration.ofSeconds(5), Duration.ofMillis(300));
        recorder.dispatch(ApiRequest.of(method, target));
        return recorder.violations().stream().map(Violation::message).toList();
    }

    @Test
    void aConformingAnswerHasNoViolations() {
        assertThat(messages(r -> ApiResponse.json(201, "{\"Id\":\"abc\",\"Warnings\":[]}"), "POST", "/v1.50/containers/create"))
                .isEmpty();
    }

    @Test
    void anUndeclaredStatusIsReported() {
        assertThat(messages(r -> ApiResponse.error(418, "teapot"), "POST", "/containers/abc/pause"))
                .containsExactly("status 418 is not declared (declared: 204, 404, 500)");
    }

    @Test
    void bodiesAreHeldToTheirSchema() {
        String inspect = "{\"Id\":\"abc\",\"State\":{\"Status\":\"sleeping\",\"Pid\":\"one\"},\"Config\":{\"Env\":[1]},"
                + "\"HostConfig\":{\"Memory\":null}}";
        assertThat(messages(r -> ApiResponse.json(200, inspect), "GET", "/containers/abc/json")).containsExactlyInAnyOrder(
                "$.Id: \"abc\" does not match the pattern ^[0-9a-fA-F]{64}$",
                "$.State.Status: string \"sleeping\" is not one of the enum [\"created\",\"running\",\"paused\",\"restarting\",\"removing\",\"exited\",\"dead\"]",
                "$.State.Pid: expected integer, got string \"one\"",
                "$.Config.Env[0]: expected string, got number 1",
                "$.HostConfig.Memory: null, but the schema (integer) is not x-nullable");
    }

    @Test
    void requiredPropertiesAndNullablesAreChecked() {
        assertThat(messages(r -> ApiResponse.json(201, "{\"Warnings\":null}"), "POST", "/containers/create"))
                .containsExactly("$: required property \"Id\" is missing", "$.Warnings: null, but the schema says x-nullable: false");
        String id = "0123456789abcdef".repeat(4);
        assertThat(messages(r -> ApiResponse.json(200, "[{\"Id\":\"" + id + "\",\"Names\":null,\"Labels\":null}]"), "GET", "/containers/json"))
                .as("nil Go slices and maps are null, as dockerd sends them").isEmpty();
    }

    @Test
    void errorsNeedErrorResponseAndExactlyApplicationJson() {
        assertThat(messages(r -> ApiResponse.text(404, "no such container"), "GET", "/containers/abc/json"))
                .contains("error answer with Content-Type \"text/plain; charset=utf-8\"; errors need exactly application/json (the Go client parses no other)");
        assertThat(messages(r -> ApiResponse.json(404, "{\"error\":\"gone\"}"), "GET", "/containers/abc/json"))
                .containsExactly("$: required property \"message\" is missing");
    }

    @Test
    void contentTypesMustBeAmongProduces() {
        assertThat(messages(r -> ApiResponse.text(200, "{}"), "GET", "/info"))
                .containsExactly("Content-Type \"text/plain; charset=utf-8\" is not among the spec's produces [application/json]");
    }

    @Test
    void declaredHeadersMustBePresent() {
        assertThat(messages(r -> ApiResponse.builder(200).header("Content-Type", "text/plain").header("Api-Version", "1.50")
                .header("Swarm", "sleepy").body("OK").build(), "GET", "/_ping"))
                .contains("declared header Builder-Version is missing", "declared header Docker-Experimental is missing",
                        "header Swarm: \"sleepy\" is not one of [\"inactive\",\"pending\",\"error\",\"locked\",\"active/worker\",\"active/manager\"]");
    }

    @Test
    void aStreamThatEndsIsCheckedMessageByMessageAndReplayed() throws Exception {
        Dispatcher pull = r -> ApiResponse.streamed(200, "application/json", sink -> {
            sink.send("{\"status\":\"Pulling from library/alpine\",\"id\":\"latest\"}\n".getBytes(StandardCharsets.UTF_8));
            sink.send("{\"status\":\"Downloading\",\"progressDetail\":{\"current\":\"half\"}}\n".getBytes(StandardCharsets.UTF_8));
        });
        ContractRecorder recorder = new ContractRecorder(pull, SPEC);
        ApiResponse answer = recorder.dispatch(ApiRequest.of("POST", "/images/create?fromImage=alpine"));
        assertThat(recorder.violations()).extracting(Violation::message)
                .containsExactly("stream message 2: $.progressDetail.current: expected integer, got string \"half\"");
        assertThat(read(answer)).contains("Pulling from library/alpine", "Downloading");
    }

    @Test
    void anEndlessStreamIsBoundedAndWhatArrivedIsChecked() {
        Dispatcher events = r -> ApiResponse.streamed(200, "application/json", sink -> {
            sink.send("{\"Type\":\"container\",\"Action\":\"start\",\"scope\":\"galaxy\"}\n".getBytes(StandardCharsets.UTF_8));
            while (true) {
                Thread.sleep(10_000);
            }
        });
        ContractRecorder recorder = new ContractRecorder(events, SPEC, Duration.ofSeconds(5), Duration.ofMillis(200));
        long start = System.nanoTime();
        recorder.dispatch(ApiRequest.of("GET", "/events"));
        assertThat(recorder.violations()).extracting(Violation::message)
                .containsExactly("stream message 1: $.scope: string \"galaxy\" is not one of the enum [\"local\",\"swarm\"]");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(recorder.exchanges().get(0).stream().endedByItself()).isFalse();
    }

    @Test
    void hijackedAnswersAreCheckedByStatusAndContentTypeOnly() {
        assertThat(messages(r -> ApiResponse.hijacked("application/octet-stream", s -> { }), "POST", "/containers/abc/attach"))
                .containsExactly("Content-Type \"application/octet-stream\" is not among the spec's produces "
                        + "[application/vnd.docker.raw-stream, application/vnd.docker.multiplexed-stream]");
    }

    @Test
    void pathsFindTheirOperations() {
        assertThat(SPEC.find("GET", "/containers/json")).map(SpecOperation::operationId).contains("ContainerList");
        assertThat(SPEC.find("GET", "/images/testcontainers/ryuk:0.11.0/json")).map(SpecOperation::operationId).contains("ImageInspect");
        assertThat(SPEC.find("DELETE", "/images/example.com/mine/busybox:v1")).map(SpecOperation::operationId).contains("ImageDelete");
        assertThat(SPEC.find("GET", "/images/search")).map(SpecOperation::operationId).contains("ImageSearch");
        assertThat(SPEC.find("HEAD", "/_ping")).map(SpecOperation::operationId).contains("SystemPingHead");
        assertThat(SPEC.find("HEAD", "/containers/abc/json")).map(SpecOperation::operationId).contains("ContainerInspect");
        assertThat(SPEC.find("GET", "/no/such/thing")).isEmpty();
    }

    private static String read(ApiResponse answer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((ResponseBody.Streamed) answer.body()).writer().writeTo(new StreamSink() {
            @Override
            public void send(byte[] message) throws IOException {
                out.write(message);
            }

            @Override
            public boolean isOpen() {
                return true;
            }
        });
        return out.toString(StandardCharsets.UTF_8);
    }
}
