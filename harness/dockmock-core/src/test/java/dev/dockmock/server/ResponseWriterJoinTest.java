package dev.dockmock.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.protocol.Headers;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A head and a body larger than the connection's buffer leave in one write, as the connection's
 * real stream stack (a 16 kB buffer before the socket) sees them: otherwise the client wakes for
 * the head alone (the 16 kB container list was the case).
 */
class ResponseWriterJoinTest {
    private final List<Integer> writes = new ArrayList<>();
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private final OutputStream socket = new OutputStream() {
        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes.add(len);
            wire.write(b, off, len);
        }
    };
    private final ResponseWriter writer = new ResponseWriter(new BufferedOutputStream(socket, 16 * 1024));

    @Test
    void aBodyLargerThanTheBufferLeavesWithItsHeadInOneWrite() throws IOException {
        byte[] body = body(20_000);
        writer.headAndBody(200, Headers.of("Content-Type", "application/json", "Date", "d"), body, "Content-Length", "20000");
        writer.flush();

        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nDate: d\r\nContent-Length: 20000\r\n\r\n";
        assertThat(writes).containsExactly(head.length() + body.length);
        assertThat(wire.toByteArray()).isEqualTo(concat(head.getBytes(StandardCharsets.ISO_8859_1), body));
    }

    @Test
    void smallAndHugeBodiesAreWholeAndAShortHeadAfterALongBodyIsNotPolluted() throws IOException {
        byte[] small = body(10);
        byte[] huge = body(200_000);
        writer.headAndBody(200, Headers.of("Date", "a"), huge, "Content-Length", "200000");
        writer.headAndBody(201, Headers.of("Date", "b"), small, "Content-Length", "10");
        writer.flush();

        byte[] expected = concat(concat("HTTP/1.1 200 OK\r\nDate: a\r\nContent-Length: 200000\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), huge),
                concat("HTTP/1.1 201 Created\r\nDate: b\r\nContent-Length: 10\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), small));
        assertThat(wire.toByteArray()).isEqualTo(expected);
    }

    private static byte[] body(int size) {
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        return body;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
