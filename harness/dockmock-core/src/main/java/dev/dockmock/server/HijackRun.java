package dev.dockmock.server;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Headers;
import dev.dockmock.protocol.HijackHandler;
import java.io.IOException;

/**
 * Carries out a hijacked answer: {@code 101 UPGRADED} flushed on its own (docker-py loses stream
 * bytes that share a read with the 101 head) when the client asked to upgrade, otherwise a
 * {@code 200} whose body runs until the connection closes; then the handler owns the stream.
 */
final class HijackRun {
    private final HttpConnection connection;
    private final Transport transport;
    private final ResponseWriter writer;
    private final HttpInput input;

    HijackRun(HttpConnection connection, Transport transport, ResponseWriter writer, HttpInput input) {
        this.connection = connection;
        this.transport = transport;
        this.writer = writer;
        this.input = input;
    }

    void run(ApiRequest request, ApiResponse response, HijackHandler handler) throws IOException {
        boolean upgrade = request.wantsUpgrade();
        if (upgrade) {
            // a dispatcher may name another protocol (websocket attach); the default is Docker's "tcp"
            String protocol = response.headers().first("Upgrade").orElse("tcp");
            Headers rest = response.headers().toBuilder().remove("Upgrade").build();
            writer.head(101, rest, "Connection", "Upgrade", "Upgrade", protocol);
        } else {
            writer.head(200, response.headers());
        }
        writer.flush();
        if (!connection.markHijacked()) {
            return; // the server cut the connection meanwhile
        }
        long notBefore = StreamStartPause.firstWriteNotBefore(request, upgrade);
        HijackSession session = new HijackSession(input, writer.stream(), transport, upgrade, notBefore);
        try {
            handler.run(session);
        } catch (InterruptedException e) {
            Thread.interrupted();
        } catch (IOException e) {
            // the client went away mid-stream
        }
    }
}
