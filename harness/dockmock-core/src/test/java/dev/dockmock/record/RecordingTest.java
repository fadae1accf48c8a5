package dev.dockmock.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.HijackedStream;
import dev.dockmock.protocol.ResponseBody;
import dev.dockmock.protocol.StreamSink;
import dev.dockmock.session.Cassette;
import dev.dockmock.session.CassetteWriter;
import dev.dockmock.session.HijackEvent;
import dev.dockmock.session.Interaction;
import dev.dockmock.session.RecordedBody;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recording decorator in memory: what it returns is what the inner dispatcher gave. */
class RecordingTest {
    @TempDir
    Path dir;

    private final Dispatcher inner = request -> switch (request.path()) {
        case "/version" -> ApiResponse.json(200, "{\"ApiVersion\":\"1.50\"}");
        case "/containers/nope/json" -> throw new DockerException(404, "No such container: nope");
        case "/events" -> ApiResponse.streamed(200, "application/json", sink -> {
            sink.send("{\"a\":1}\n".getBytes(StandardCharsets.UTF_8));
            sink.send("{\"a\":2}\n".getBytes(StandardCharsets.UTF_8));
        });
        case "/containers/c/attach" -> ApiResponse.hijacked("application/vnd.docker.raw-stream", stream -> {
            byte[] stdin = stream.input().readAllBytes();
            stream.output().write(stdin);
        });
        default -> ApiResponse.empty(204);
    };

    private static final StreamSink SINK = new StreamSink() {
        @Override
        public void send(byte[] message) {
        }

        @Override
        public boolean isOpen() {
            return true;
        }
    };

    @Test
    void recordsEveryKindOnceItCompletes() throws Exception {
        Path file = dir.resolve("engine.jsonl");
        try (CassetteWriter writer = CassetteWriter.create(file, "dockmock engine")) {
            Recording recording = new Recording(inner, writer);

            assertThat(((ResponseBody.Bytes) recording.dispatch(ApiRequest.of("GET", "/v1.50/version")).body()).text())
                    .isEqualTo("{\"ApiVersion\":\"1.50\"}");
            assertThat(recording.dispatch(ApiRequest.of("GET", "/containers/nope/json")).status()).isEqualTo(404);
            ApiResponse events = recording.dispatch(ApiRequest.of("GET", "/events"));
            ApiResponse attach = recording.dispatch(ApiRequest.of("POST", "/containers/c/attach?stdin=1"));
            recording.dispatch(ApiRequest.of("POST", "/containers/c/start"));
            assertThat(Cassette.load(file).interactions()).as("streams are written when they end").hasSize(3);

            ((ResponseBody.Hijacked) attach.body()).handler().run(new MemoryStream("hello"));
            ((ResponseBody.Streamed) events.body()).writer().writeTo(SINK);
        }

        Cassette cassette = Cassette.load(file);
        assertThat(cassette.interactions()).extracting(Interaction::id).containsExactly(1, 2, 3, 4, 5);
        assertThat(cassette.interactions().get(1).response().body()).isInstanceOf(RecordedBody.Full.class);
        RecordedBody.Stream stream = (RecordedBody.Stream) cassette.interactions().get(2).response().body();
        assertThat(stream.chunks()).extracting(c -> new String(c.data(), StandardCharsets.UTF_8))
                .containsExactly("{\"a\":1}\n", "{\"a\":2}\n");
        RecordedBody.Conversation conversation = (RecordedBody.Conversation) cassette.interactions().get(3).response().body();
        assertThat(cassette.interactions().get(3).response().status()).isEqualTo(101);
        assertThat(conversation.events()).extracting(HijackEvent::direction).containsExactly(HijackEvent.Direction.IN,
                HijackEvent.Direction.IN_EOF, HijackEvent.Direction.OUT, HijackEvent.Direction.OUT_EOF);
        assertThat(cassette.interactions().get(4).response().status()).isEqualTo(204);
    }

    /** A client that sends {@code stdin}, half-closes, and keeps what it is sent. */
    private static final class MemoryStream implements HijackedStream {
        private final InputStream input;
        private final ByteArrayOutputStream output = new ByteArrayOutputStream();

        MemoryStream(String stdin) {
            this.input = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public InputStream input() {
            return input;
        }

        @Override
        public OutputStream output() {
            return output;
        }

        @Override
        public void closeOutput() throws IOException {
        }

        @Override
        public boolean upgraded() {
            return true;
        }
    }
}
