package dev.dockmock.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.protocol.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseWriterHeadTest {
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private final ResponseWriter writer = new ResponseWriter(wire);

    private String written() {
        return wire.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void writesStatusFieldsDateAndFramingInThatOrder() throws IOException {
        writer.head(200, Headers.of("Content-Type", "text/plain", "Api-Version", "1.50"), "Content-Length", "2");

        assertThat(written()).matches("HTTP/1\\.1 200 OK\r\nContent-Type: text/plain\r\nApi-Version: 1\\.50\r\n"
                + "Date: (Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT\r\n"
                + "Content-Length: 2\r\n\r\n");
    }

    @Test
    void dropsTheDispatchersFramingKeepsItsDateAndNeutralisesLineBreaks() throws IOException {
        writer.head(599, Headers.of("content-length", "99", "Date", "then", "X-Evil", "a\r\nSet-Cookie: b", "X-Name", "caf\u00e9 \u2603"),
                "Transfer-Encoding", "chunked", "Connection", "close");

        assertThat(written()).isEqualTo("HTTP/1.1 599 Server Error\r\nDate: then\r\nX-Evil: a  Set-Cookie: b\r\n"
                + "X-Name: caf\u00e9 ?\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
    }

    @Test
    void aLongHeadThenAShortOneOnTheSameWriterAreBothWhole() throws IOException {
        String big = "x".repeat(5000);
        writer.head(200, Headers.of("X-Big", big, "Date", "d1"), "Content-Length", "0");
        writer.head(204, Headers.of("Date", "d2"));

        assertThat(written()).isEqualTo("HTTP/1.1 200 OK\r\nX-Big: " + big + "\r\nDate: d1\r\nContent-Length: 0\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\nDate: d2\r\n\r\n");
    }

    @Test
    void writesChunksWithHexSizes() throws IOException {
        writer.chunk(new byte[0]);
        writer.chunk("abc".getBytes(StandardCharsets.ISO_8859_1));
        writer.chunk(new byte[300]);
        writer.lastChunk();

        String text = written();
        assertThat(text).startsWith("3\r\nabc\r\n12c\r\n").endsWith("\r\n0\r\n\r\n").hasSize(8 + 5 + 300 + 2 + 5);
    }
}
