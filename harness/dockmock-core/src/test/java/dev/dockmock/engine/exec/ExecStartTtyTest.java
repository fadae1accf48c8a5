package dev.dockmock.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.protocol.Json;
import dev.dockmock.testing.EngineServer;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.RawResponse;
import dev.dockmock.testing.TestServers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An exec's two Tty flags, sent apart over a real socket as dockerode lets its users send them:
 * the exec's own (at create) gives the process a terminal, the start's (false when absent) makes
 * the stream raw; dockerd decides each by its own flag.
 */
@Timeout(60)
class ExecStartTtyTest {
    private EngineServer served;
    private String container;

    @BeforeEach
    void start() throws Exception {
        served = EngineServer.start(EngineConfig.defaults());
        call("POST", "/v1.50/images/create?fromImage=alpine&tag=latest", "");
        container = json(call("POST", "/v1.50/containers/create", "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"100\"]}"))
                .path("Id").asText();
        call("POST", "/v1.50/containers/" + container + "/start", "");
    }

    @AfterEach
    void stop() throws Exception {
        served.close();
    }

    private RawResponse call(String method, String target, String body) throws Exception {
        try (RawHttpClient client = RawHttpClient.connect(TestServers.hostOf(served.server()))) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            client.send(RawHttpClient.request(method, target, "Content-Type: application/json", "Content-Length: " + bytes.length));
            client.send(bytes);
            return client.readResponse();
        }
    }

    private static JsonNode json(RawResponse response) {
        return Json.parse(response.body());
    }

    /** Runs {@code sh -c 'echo out; echo err >&2'} as an exec; the head's content type and the bytes after it. */
    private String[] exec(boolean execTty, String startBody) throws Exception {
        String id = json(call("POST", "/v1.50/containers/" + container + "/exec", "{\"AttachStdout\":true,\"AttachStderr\":true,"
                + "\"Tty\":" + execTty + ",\"Cmd\":[\"sh\",\"-c\",\"echo out; echo err >&2\"]}")).path("Id").asText();
        try (RawHttpClient client = RawHttpClient.connect(TestServers.hostOf(served.server()))) {
            byte[] bytes = startBody.getBytes(StandardCharsets.UTF_8);
            client.send(RawHttpClient.request("POST", "/v1.50/exec/" + id + "/start", "Content-Type: application/json",
                    "Connection: Upgrade", "Upgrade: tcp", "Content-Length: " + bytes.length));
            client.send(bytes);
            RawResponse head = client.readHead();
            assertThat(head.status()).isEqualTo(101);
            return new String[] {head.header("Content-Type"), readable(client.readToEof())};
        }
    }

    /** The stream with line ends spelled out and, when it is framed, each frame's stream number before it. */
    private static String readable(byte[] data) {
        StringBuilder text = new StringBuilder();
        boolean framed = data.length >= 8 && data[0] <= 2 && data[1] == 0 && data[2] == 0 && data[3] == 0;
        int at = 0;
        while (framed && at + 8 <= data.length) {
            int size = ((data[at + 4] & 0xff) << 24) | ((data[at + 5] & 0xff) << 16) | ((data[at + 6] & 0xff) << 8) | (data[at + 7] & 0xff);
            text.append('[').append(data[at]).append(']').append(new String(data, at + 8, size, StandardCharsets.UTF_8));
            at += 8 + size;
        }
        if (!framed) {
            text.append(new String(data, StandardCharsets.UTF_8));
        }
        return text.toString().replace("\r", "\\r").replace("\n", "\\n");
    }

    @ParameterizedTest(name = "exec Tty {0}, start {1}")
    @CsvSource(delimiter = '|', value = {
        // the docker CLI and docker-py send the same flag twice
        "false | {\"Tty\":false} | application/vnd.docker.multiplexed-stream | [1]out\\n[2]err\\n",
        "true  | {\"Tty\":true}  | application/vnd.docker.raw-stream         | out\\r\\nerr\\r\\n",
        // dockerode's exec.start({hijack: true, stdin: true}) after a Tty exec: terminal output, framed
        "true  | {\"hijack\":true,\"stdin\":true} | application/vnd.docker.multiplexed-stream | [1]out\\r\\n[1]err\\r\\n",
        // a raw stream asked for a process without a terminal: its stderr has nowhere to go
        "false | {\"Tty\":true}  | application/vnd.docker.raw-stream         | out\\n",
    })
    void theExecsTtyGivesTheTerminalTheStartsTheStream(boolean execTty, String startBody, String contentType, String seen)
            throws Exception {
        String[] result = exec(execTty, startBody);

        assertThat(result[0]).isEqualTo(contentType);
        assertThat(result[1]).isEqualTo(seen);
    }
}
