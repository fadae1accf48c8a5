package dev.dockmock.session;

import dev.dockmock.protocol.Headers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Interactions of every kind, for cassette tests. */
final class Samples {
    private Samples() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Interaction create(int id, String image) {
        return new Interaction(id, 40, new RecordedRequest("POST", "/v1.50/containers/create?name=w", "/containers/create",
                Map.of("name", List.of("w")), Headers.of("Content-Type", "application/json", "User-Agent", "Docker-Client/28"),
                utf8("{\"Image\":\"" + image + "\",\"Env\":[\"DB_PASSWORD=hunter2\",\"MODE=dev\"],\"Cmd\":[\"echo\",\"hi\"]}\n")),
                new RecordedResponse(201, Headers.of("Content-Type", "application/json", "Api-Version", "1.50"), 3,
                        new RecordedBody.Full(utf8("{\"Id\":\"abc123\",\"Warnings\":[]}\n"))));
    }

    static Interaction ping(int id) {
        return new Interaction(id, 1, new RecordedRequest("HEAD", "/_ping", "/_ping", Map.of(), Headers.empty(), new byte[0]),
                new RecordedResponse(200, Headers.of("Api-Version", "1.50", "Ostype", "linux"), 0, RecordedBody.EMPTY));
    }

    static Interaction logs(int id) {
        byte[] frame = {1, 0, 0, 0, 0, 0, 0, 3, 'h', 'i', '\n'};
        return new Interaction(id, 90, new RecordedRequest("GET", "/v1.50/containers/w/logs?stdout=1&stderr=1&stdout=1",
                "/containers/w/logs", Map.of("stdout", List.of("1", "1"), "stderr", List.of("1")), Headers.empty(), new byte[0]),
                new RecordedResponse(200, Headers.of("Content-Type", "application/vnd.docker.multiplexed-stream"), 1,
                        new RecordedBody.Stream(List.of(new RecordedBody.Chunk(5, frame),
                                new RecordedBody.Chunk(250, utf8("{\"status\":\"done\"}\r\n")),
                                new RecordedBody.Chunk(260, new byte[] {0, (byte) 0xff, 7})), true)));
    }

    static Interaction attach(int id) {
        return new Interaction(id, 120, new RecordedRequest("POST", "/v1.50/containers/w/attach?stream=1&stdin=1",
                "/containers/w/attach", Map.of("stream", List.of("1"), "stdin", List.of("1")),
                Headers.of("Connection", "Upgrade", "Upgrade", "tcp"), new byte[0]),
                new RecordedResponse(101, Headers.of("Content-Type", "application/vnd.docker.raw-stream"), 0,
                        new RecordedBody.Conversation(true, List.of(
                                HijackEvent.in(2, utf8("ls\n")),
                                HijackEvent.out(7, utf8("bin etc\n")),
                                HijackEvent.in(9, new byte[] {3, 0}),
                                HijackEvent.inEof(10),
                                HijackEvent.out(12, new byte[] {2, 0, 0, 0, 0, 0, 0, 4, 'o', 'o', 'p', 's'}),
                                HijackEvent.outEof(13)))));
    }
}
