package dev.dockmock.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {

    /** Hands out the given bytes a few at a time, as a slow socket would. */
    private static final class Trickle implements Wire {
        private final byte[] data;
        private final int step;
        private int position;

        Trickle(String text, int step) {
            this.data = text.getBytes(StandardCharsets.ISO_8859_1);
            this.step = step;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == data.length) {
                return -1;
            }
            int n = Math.min(Math.min(step, length), data.length - position);
            System.arraycopy(data, position, buffer, offset, n);
            position += n;
            return n;
        }

        @Override
        public void write(byte[] bytes) {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void readsResponsesFramedByLengthAndByChunksBackToBack() throws IOException {
        String body = "x".repeat(40_000);
        String wire = "HTTP/1.1 200 OK\r\ncontent-LENGTH: 2\r\nDate: x\r\n\r\nOK"
                + "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n"
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\nTrailer: t\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 40000\r\n\r\n" + body;
        for (int step : new int[] {1, 7, 1 << 16}) {
            ResponseReader reader = new ResponseReader(new Trickle(wire, step));

            assertThat(reader.read()).as("step %d", step).isEqualTo(2);
            assertThat(reader.status()).isEqualTo(200);
            assertThat(reader.read()).isEqualTo(3 + body.length());
            assertThat(reader.status()).isEqualTo(404);
            assertThat(reader.read()).isEqualTo(body.length());
            assertThatThrownBy(reader::read).isInstanceOf(IOException.class);
        }
    }

    @Test
    void refusesAResponseItCannotFrame() {
        ResponseReader reader = new ResponseReader(new Trickle("HTTP/1.1 200 OK\r\nServer: x\r\n\r\nbody", 64));

        assertThatThrownBy(reader::read).hasMessageContaining("Content-Length");
    }
}
