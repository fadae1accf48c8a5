package dev.dockmock.server;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A buffered input read line by line, then as bytes: an HTTP head (a request's on the server, a
 * response's in the upstream client) followed by a body or a hijacked stream, so that bytes that
 * arrived with the head stay in the buffer and none is lost. Shared by the server's connections
 * and the record proxy's upstream client.
 */
public class LineInput extends InputStream {
    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;

    /** A line longer than the caller allows. */
    public static final class LineTooLongException extends IOException {
        LineTooLongException(int max) {
            super("line longer than " + max + " bytes");
        }
    }

    public LineInput(InputStream in) {
        this.in = in;
    }

    /**
     * Reads one line without its CRLF (or bare LF), at most {@code max} bytes, in ISO-8859-1.
     *
     * @return the line, or {@code null} at end of stream before any byte
     * @throws LineTooLongException when the line is longer than {@code max}
     * @throws EOFException when the stream ends mid-line
     */
    public String line(int max) throws IOException {
        StringBuilder line = null;
        int length = 0;
        while (true) {
            if (position == limit && fill() < 0) {
                if (line == null && length == 0) {
                    return null;
                }
                throw new EOFException("the stream ended mid-line");
            }
            int start = position;
            while (position < limit) {
                if (buffer[position++] == '\n') {
                    int end = position - 1;
                    if (end > start && buffer[end - 1] == '\r') {
                        end--;
                    } else if (end == start && line != null && line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                        line.setLength(line.length() - 1);
                    }
                    length += end - start;
                    if (length > max) {
                        throw new LineTooLongException(max);
                    }
                    String tail = new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
                    return line == null ? tail : line.append(tail).toString();
                }
            }
            length += position - start;
            if (length > max) {
                throw new LineTooLongException(max);
            }
            if (line == null) {
                line = new StringBuilder();
            }
            line.append(new String(buffer, start, position - start, StandardCharsets.ISO_8859_1));
        }
    }

    /** Exactly {@code length} bytes, or {@link EOFException} naming how many came. */
    public byte[] readExactly(int length) throws IOException {
        byte[] data = new byte[length];
        int done = 0;
        while (done < length) {
            int n = read(data, done, length - done);
            if (n < 0) {
                throw new EOFException("the stream ended after " + done + " of " + length + " bytes");
            }
            done += n;
        }
        return data;
    }

    /** Waits for at least one byte; false at end of stream. */
    public boolean awaitData() throws IOException {
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

    /** Reads and drops what the peer still sends, until end of stream or {@code max} bytes. */
    public void discard(int max) throws IOException {
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
