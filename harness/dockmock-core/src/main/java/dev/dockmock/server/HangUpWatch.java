package dev.dockmock.server;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Waits on a connection's input while a streamed answer is written, to learn when the client
 * hangs up: a stream that has nothing to send would otherwise never find out (dockerd stops
 * {@code /events} and {@code logs -f} when the client goes). If the client sends bytes instead
 * (a pipelined request), they stay in the input's buffer and the watch simply ends. The
 * connection's own thread must not read the input until {@link #awaitData} has returned.
 */
final class HangUpWatch {
    private final CompletableFuture<Boolean> arrived = new CompletableFuture<>();

    private HangUpWatch() {
    }

    /** Starts watching on a thread from {@code server}; {@code onHangUp} runs when the client has gone. */
    static HangUpWatch start(HttpInput input, ServerContext server, Runnable onHangUp) {
        HangUpWatch watch = new HangUpWatch();
        Runnable task = () -> {
            boolean data;
            try {
                data = input.awaitData();
            } catch (IOException | RuntimeException e) {
                data = false;
            }
            if (!data) {
                onHangUp.run();
            }
            watch.arrived.complete(data);
        };
        try {
            server.spawn(task);
        } catch (RuntimeException shuttingDown) {
            watch.arrived.complete(false);
            onHangUp.run();
        }
        return watch;
    }

    /** Waits for the watch to end: true when the client sent more bytes, false when it has gone. */
    boolean awaitData() throws IOException {
        try {
            return arrived.get();
        } catch (InterruptedException e) {
            throw new InterruptedIOException("interrupted waiting for the client");
        } catch (ExecutionException e) {
            return false;
        }
    }
}
