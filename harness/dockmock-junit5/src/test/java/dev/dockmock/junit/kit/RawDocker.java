package dev.dockmock.junit.kit;

import dev.dockmock.junit.DockMock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/** One HTTP/1.0 request over a dockmock's unix socket, for tests that need paths no client sends. */
public final class RawDocker {

    private RawDocker() {
    }

    /** The status line and body of the answer. */
    public record Answer(int status, String body) {
    }

    public static Answer get(DockMock dockmock, String path) {
        return send(dockmock, "GET", path, "");
    }

    public static Answer post(DockMock dockmock, String path, String json) {
        return send(dockmock, "POST", path, json);
    }

    public static Answer send(DockMock dockmock, String method, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.0\r\nHost: docker\r\nUser-Agent: dockmock-kit\r\n"
                + (body.length > 0 ? "Content-Type: application/json\r\n" : "")
                + "Content-Length: " + body.length + "\r\n\r\n";
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(dockmock.unixSocket()))) {
            ByteBuffer out = ByteBuffer.allocate(head.length() + body.length)
                    .put(head.getBytes(StandardCharsets.US_ASCII)).put(body).flip();
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(8192);
            while (channel.read(in) >= 0) {
                answer.write(in.array(), 0, in.position());
                in.clear();
            }
            String text = answer.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            return new Answer(status, split < 0 ? "" : text.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
