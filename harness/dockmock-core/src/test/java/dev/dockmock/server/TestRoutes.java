package dev.dockmock.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockmock.dispatch.ApiRange;
import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.dispatch.Route;
import dev.dockmock.dispatch.Router;
import dev.dockmock.dispatch.VersionGate;
import dev.dockmock.engine.DaemonIdentity;
import dev.dockmock.engine.SystemRoutes;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.HijackedStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Dispatchers for transport tests: the minimal daemon's routes plus whatever a test adds. */
final class TestRoutes {
    static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestRoutes() {
    }

    /** {@code /_ping}, {@code /version}, {@code /info} and {@code extra}, behind dockerd's version gate. */
    static Dispatcher daemon(Route... extra) {
        List<Route> routes = new ArrayList<>(new SystemRoutes(DaemonIdentity.defaults()).routes());
        routes.addAll(List.of(extra));
        return new VersionGate(ApiRange.DEFAULT, "Docker/28.2.2 (linux)", new Router(routes));
    }

    /** {@code POST /echo}: answers the request body it received, byte for byte. */
    static Route echo() {
        return Route.of("POST", "/echo", (request, params) -> ApiResponse.builder(200)
                .header("Content-Type", "application/octet-stream").body(request.body()).build());
    }

    /** {@code POST /containers/{id}/attach}: a hijacked stream that frames stdin back as stdout. */
    static Route attach() {
        return Route.of("POST", "/containers/{id}/attach", (request, params) -> ApiResponse.hijacked(MULTIPLEXED,
                TestRoutes::echoStdinAsStdout));
    }

    /**
     * Reads stdin until end of stream and writes each read back as one Docker stdout frame. Without
     * an upgrade there is no stdin (docker-java style): it writes one frame, {@code hello}, and ends.
     */
    static void echoStdinAsStdout(HijackedStream stream) throws IOException {
        OutputStream out = stream.output();
        if (!stream.upgraded()) {
            out.write(frame(1, "hello".getBytes(StandardCharsets.UTF_8)));
            out.flush();
            return;
        }
        InputStream in = stream.input();
        byte[] buffer = new byte[4096];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            byte[] payload = new byte[n];
            System.arraycopy(buffer, 0, payload, 0, n);
            out.write(frame(1, payload));
            out.flush();
        }
    }

    /** A Docker multiplexed-stream frame: {@code [stream, 0, 0, 0, uint32 BE length]} then the payload. */
    static byte[] frame(int stream, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).put((byte) stream).put(new byte[3]).putInt(payload.length)
                .put(payload).array();
    }

    /** The {@code message} of a Docker error body. */
    static String message(byte[] body) {
        try {
            return JSON.readTree(body).get("message").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("not a Docker error body: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }
}
