package dev.dockmock.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Decodes one chunked request body (RFC 9112 section 7.1): extensions ignored, trailers skipped, size limited. */
final class ChunkedBody {
    private final HttpInput input;
    private final ServerOptions options;

    ChunkedBody(HttpInput input, ServerOptions options) {
        this.input = input;
        this.options = options;
    }

    byte[] read() throws IOException, HttpProblem {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String line = chunkSizeLine();
            int semicolon = line.indexOf(';');
            String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
            if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new HttpProblem(400, "malformed chunk size \"" + abbreviate(line) + "\"");
            }
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                skipTrailers();
                return body.toByteArray();
            }
            if (body.size() + size > options.maxBodyBytes()) {
                throw new HttpProblem(413, "request body too large (limit " + options.maxBodyBytes() + " bytes)");
            }
            body.write(RequestReader.readExactly(input, (int) size));
            int next = input.read();
            if (next == '\r') {
                next = input.read();
            }
            if (next != '\n') {
                throw new HttpProblem(400, "chunk data not followed by CRLF");
            }
        }
    }

    /** A chunk-size line is framing, not a header: one too long is malformed (400), not 431. */
    private String chunkSizeLine() throws IOException, HttpProblem {
        String line;
        try {
            line = input.readLine(1024);
        } catch (HttpProblem tooLong) {
            throw new HttpProblem(400, "malformed chunk size line: " + tooLong.getMessage());
        }
        if (line == null) {
            throw new HttpProblem(400, "request body ended inside chunked encoding");
        }
        return line;
    }

    private void skipTrailers() throws IOException, HttpProblem {
        int total = 0;
        while (true) {
            String line = input.readLine(options.maxHeaderBytes());
            if (line == null) {
                throw new HttpProblem(400, "request body ended inside chunked trailers");
            }
            if (line.isEmpty()) {
                return;
            }
            total += line.length();
            if (total > options.maxHeaderBytes()) {
                throw new HttpProblem(431, "request trailers too large");
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }
}
