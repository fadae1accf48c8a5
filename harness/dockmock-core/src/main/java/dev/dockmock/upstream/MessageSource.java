package dev.dockmock.upstream;

import java.io.IOException;

/** A response body that arrives over time, one message at a time. Close it to drop the connection. */
public interface MessageSource extends AutoCloseable {

    /**
     * The next message: one chunk of a chunked body, or what one read returned for a body that
     * ends when the daemon closes the connection.
     *
     * @return the message, or {@code null} at the end of the body
     */
    byte[] next() throws IOException;

    @Override
    void close();
}
