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

    /**
     * Asks for {@code action} to run once the client has hung up, at once if it already has. The
     * server also interrupts the writer then, but an interrupt does not wake every wait: a read on
     * a tcp socket, for one. A writer blocked on such a thing closes it here. The action runs on
     * another thread, must be quick and should not throw. Sinks that cannot tell never run it.
     */
    default void onHangUp(Runnable action) {
    }
}
