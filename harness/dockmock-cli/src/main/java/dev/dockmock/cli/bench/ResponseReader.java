package dev.dockmock.cli.bench;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads HTTP/1.1 responses off one keep-alive connection, framed by {@code Content-Length} or
 * chunked transfer coding. It looks only at what framing needs (status, length, coding), skips
 * the body without copying it out, and allocates nothing per response.
 */
final class ResponseReader {
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRANSFER_ENCODING = "transfer-encoding:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "chunked".getBytes(StandardCharsets.US_ASCII);

    private final Wire wire;
    private final byte[] buffer = new byte[32 * 1024];
    private int position;
    private int limit;
    private int status;

    ResponseReader(Wire wire) {
        this.wire = wire;
    }

    /** The status code of the response last read. */
    int status() {
        return status;
    }

    /**
     * Reads one whole response.
     *
     * @return the length of its body
     * @throws IOException when the connection ends or the response is not HTTP/1.1 we can frame
     */
    long read() throws IOException {
        int headEnd = headEnd();
        int start = position;
        if (headEnd - start < 12 || buffer[start] != 'H' || buffer[start + 8] != ' ') {
            throw new IOException("not an HTTP response");
        }
        status = (buffer[start + 9] - '0') * 100 + (buffer[start + 10] - '0') * 10 + (buffer[start + 11] - '0');
        long length = -1;
        boolean chunked = false;
        int line = lineAfter(start, headEnd);
        while (line < headEnd) {
            int lineEnd = lineAfter(line, headEnd);
            if (startsWithIgnoreCase(line, CONTENT_LENGTH)) {
                length = number(line + CONTENT_LENGTH.length, lineEnd, 10);
            } else if (startsWithIgnoreCase(line, TRANSFER_ENCODING)) {
                chunked = contains(line + TRANSFER_ENCODING.length, lineEnd, CHUNKED);
            }
            line = lineEnd;
        }
        position = headEnd;
        if (chunked) {
            return readChunks();
        }
        if (length < 0) {
            throw new IOException("response without Content-Length or chunked coding on a keep-alive connection");
        }
        skip(length);
        return length;
    }

    private long readChunks() throws IOException {
        long total = 0;
        while (true) {
            int end = lineEnd(position);
            long size = number(position, end, 16);
            position = end + 2;
            if (size == 0) {
                while (lineEnd(position) != position) {
                    position = lineEnd(position) + 2;
                }
                position += 2;
                return total;
            }
            skip(size + 2);
            total += size;
        }
    }

    /** Fills until the buffer holds a whole head; returns the index just past its blank line. */
    private int headEnd() throws IOException {
        int from = position;
        while (true) {
            for (int i = from; i + 3 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                    return i + 4;
                }
            }
            from = Math.max(position, limit - 3);
            int before = position;
            fill();
            from -= before - position;
        }
    }

    /** Index of the CR of the line starting at {@code from}, filling as needed. */
    private int lineEnd(int from) throws IOException {
        int i = from;
        while (true) {
            for (; i + 1 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    return i;
                }
            }
            int before = position;
            fill();
            i -= before - position;
        }
    }

    private int lineAfter(int from, int headEnd) {
        int i = from;
        while (i + 1 < headEnd && !(buffer[i] == '\r' && buffer[i + 1] == '\n')) {
            i++;
        }
        return i + 2;
    }

    /** Consumes {@code count} bytes, reading over them without keeping them. */
    private void skip(long count) throws IOException {
        long left = count;
        while (true) {
            int available = limit - position;
            if (available >= left) {
                position += (int) left;
                return;
            }
            left -= available;
            position = limit;
            fill();
        }
    }

    /** Moves unread bytes to the front when needed and reads more after them. */
    private void fill() throws IOException {
        if (position > 0 && (position == limit || limit == buffer.length)) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            throw new IOException("response head larger than " + buffer.length + " bytes");
        }
        int n = wire.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            throw new EOFException("server closed the connection");
        }
        limit += n;
    }

    private boolean startsWithIgnoreCase(int at, byte[] lowerCase) {
        for (int i = 0; i < lowerCase.length; i++) {
            if (at + i >= limit || (buffer[at + i] | 0x20) != lowerCase[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(int from, int to, byte[] lowerCase) {
        for (int i = from; i + lowerCase.length <= to; i++) {
            if (startsWithIgnoreCase(i, lowerCase)) {
                return true;
            }
        }
        return false;
    }

    /** A number after optional blanks, ending at the first character that is not a digit. */
    private long number(int from, int to, int radix) throws IOException {
        int i = from;
        while (i < to && (buffer[i] == ' ' || buffer[i] == '\t')) {
            i++;
        }
        int digits = i;
        long value = 0;
        for (; i < to && Character.digit(buffer[i], radix) >= 0; i++) {
            value = value * radix + Character.digit(buffer[i], radix);
        }
        if (i == digits) {
            throw new IOException("no number where the response framing needs one");
        }
        return value;
    }
}
