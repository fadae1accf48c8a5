package dev.dockmock.upstream;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The buffered input from the daemon. The response head is read line by line; whatever arrived
 * with it stays in the buffer, so a hijacked stream or a body loses no byte.
 */
final class UpstreamInput extends InputStream {
    private static final int MAX_LINE = 64 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;

    UpstreamInput(InputStream in) {
        this.in = in;
    }

    /** One line without its CRLF (or bare LF); {@code null} at end of stream before any byte. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return null;
                }
                throw new EOFException("the daemon closed the connection mid-line");
            }
            any = true;
            byte b = buffer[position++];
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("the daemon sent a line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) (b & 0xff));
        }
    }

    /** Exactly {@code length} bytes. */
    byte[] readExactly(int length) throws IOException {
        byte[] data = new byte[length];
        int done = 0;
        while (done < length) {
            int n = read(data, done, length - done);
            if (n < 0) {
                throw new EOFException("the daemon closed the connection after " + done + " of " + length + " bytes");
            }
            done += n;
        }
        return data;
    }

    private boolean fill() throws IOException {
        position = 0;
        limit = 0;
        int n = in.read(buffer, 0, buffer.length);
        if (n > 0) {
            limit = n;
        }
        return n > 0;
    }

    @Override
    public int read() throws IOException {
        if (position == limit && !fill()) {
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

    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
