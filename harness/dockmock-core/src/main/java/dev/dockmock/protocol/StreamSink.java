package dev.dockmock.protocol;

import java.io.IOException;

/**
 * Where a streamed response writes its messages. Each {@link #send} reaches the client at once
 * (one chunk, flushed), which is what {@code docker events}, {@code logs -f} and pull progress
 * need.
 */
public interface StreamSink {

    /**
     * Sends one message to the client and flushes it.
     *
     * @throws IOException when the client has gone or the server is closing
     */
    void send(byte[] message) throws IOException;

    /** False once the client has gone or the server is closing; long-running writers poll it. */
    boolean isOpen();
}
