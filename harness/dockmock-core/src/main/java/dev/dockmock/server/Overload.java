package dev.dockmock.server;

import dev.dockmock.protocol.DockerError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The answer to a connection beyond the server's limit: a Docker-style 503, then close. */
final class Overload {

    private Overload() {
    }

    static void refuse(Transport transport, int limit) {
        try {
            byte[] body = DockerError.of(503, "dockmock is serving its limit of " + limit
                    + " connections; try again later").body();
            String head = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\nConnection: close\r\n\r\n";
            OutputStream out = transport.output();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            transport.shutdownOutput();
        } catch (IOException ignored) {
            // the client is gone already
        } finally {
            transport.close();
        }
    }
}
