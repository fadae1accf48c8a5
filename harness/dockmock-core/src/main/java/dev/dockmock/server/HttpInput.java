package dev.dockmock.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The buffered input of one connection. The request head is read line by line from its buffer;
 * after a hijack the same object is the client's stdin, so bytes that arrived with the request
 * head are not lost.
 */
final class HttpInput extends InputStream {
    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;

    HttpInput(InputStream in) {
        this.in = in;
    }

    /**
     * Reads one line without its CRLF (or bare LF), at most {@code max} bytes.
     *
     * @return the line, or {@code null} at end of stream before any byte
     * @throws HttpProblem 431 when the line is longer than {@code max}, 400 when the stream ends mid-line
     */
    String readLine(int max) throws IOException, HttpProblem {
        StringBuilder line = null;
        int length = 0;
        while (true) {
            if (position == limit && fill() < 0) {
                if (line == null && length == 0) {
                    return null;
                }
                throw new HttpProblem(400, "unexpected end of request");
            }
            int start = position;
            while (position < limit) {
                byte b = buffer[position++];
                if (b == '\n') {
                    int end = position - 1;
                    if (end > start && buffer[end - 1] == '\r') {
                        end--;
                    } else if (end == start && line != null && line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                        line.setLength(line.length() - 1);
                    }
                    length += end - start;
                    if (length > max) {
                        throw new HttpProblem(431, "request header line too long (limit " + max + " bytes)");
                    }
                    String tail = new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
                    return line == null ? tail : line.append(tail).toString();
                }
            }
            length += position - start;
            if (length > max) {
                throw new HttpProblem(431, "request header line too long (limit " + max + " bytes)");
            }
            if (line == null) {
                line = new StringBuilder();
            }
            line.append(new String(buffer, start, position - start, StandardCharsets.ISO_8859_1));
        }
    }

    /** Waits for at least one byte; false at end of stream. */
    boolean awaitData() throws IOException {
        return position < limit || fill() > 0;
    }

    private int fill() throws IOException {
        position = 0;
        limit = 0;
        int n = in.read(buffer, 0, buffer.length);
        if (n > 0) {
            limit = n;
        }
        return n;
    }

    @Override
    public int read() throws IOException {
        if (position == limit && fill() <= 0) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position < limit) {
            int n = Math.min(len, limit - position);
            System.arraycopy(buffer, position, b, off, n);
            position += n;
            return n;
        }
        return in.read(b, off, len);
    }

    /** Reads and drops what the client still sends, until end of stream or {@code max} bytes. */
    void discard(int max) throws IOException {
        byte[] scratch = new byte[8192];
        int total = 0;
        for (int n = 0; n >= 0 && total < max; n = read(scratch, 0, scratch.length)) {
            total += n;
        }
    }

    @Override
    public int available() {
        return limit - position;
    }
}
