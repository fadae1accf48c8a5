package dev.dockmock.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The raw, bidirectional byte stream a connection becomes after {@code 101 UPGRADED} (attach,
 * exec start), or the one-way stream that follows a plain {@code 200} when the client did not
 * ask to upgrade.
 */
public interface HijackedStream {

    /** What the client sends (stdin); ends when the client half-closes or goes away. */
    InputStream input();

    /** What the client reads; written bytes are flushed by {@link OutputStream#flush()}. */
    OutputStream output();

    /** Half-closes the stream towards the client: it reads end of stream, and can still send. */
    void closeOutput() throws IOException;

    /** True after a {@code 101}; false for the plain-{@code 200} form that has no stdin. */
    boolean upgraded();
}
