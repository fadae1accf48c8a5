package dev.dockmock.upstream;

import java.io.EOFException;
import java.io.IOException;
import dev.dockmock.server.LineInput;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The buffered input from the daemon. The response head is read line by line; whatever arrived
 * with it stays in the buffer, so a hijacked stream or a body loses no byte.
 */
final class UpstreamInput extends LineInput {
    private static final int MAX_LINE = 64 * 1024;

    UpstreamInput(InputStream in) {
        super(in);
    }

    /** One line without its CRLF (or bare LF); {@code null} at end of stream before any byte. */
    String readLine() throws IOException {
        try {
            return line(MAX_LINE);
        } catch (LineTooLongException e) {
            throw new IOException("the daemon sent a line longer than " + MAX_LINE + " bytes");
        } catch (EOFException e) {
            throw new EOFException("the daemon closed the connection mid-line");
        }
    }

    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
