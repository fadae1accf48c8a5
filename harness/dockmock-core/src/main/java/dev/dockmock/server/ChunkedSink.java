package dev.dockmock.server;

import dev.dockmock.protocol.StreamSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A streamed response's sink: each message is one chunk, flushed at once. For an HTTP/1.0
 * client, which cannot read chunks, messages are written raw and the body ends with the connection.
 */
final class ChunkedSink implements StreamSink {
    private final ResponseWriter writer;
    private final ServerContext server;
    private final boolean chunked;
    private volatile boolean broken;
    private final List<Runnable> onHangUp = new ArrayList<>(1);
    private boolean hungUp;

    ChunkedSink(ResponseWriter writer, ServerContext server, boolean chunked) {
        this.writer = writer;
        this.server = server;
        this.chunked = chunked;
    }

    @Override
    public synchronized void send(byte[] message) throws IOException {
        if (broken) {
            throw new IOException("client has gone");
        }
        if (server.closing()) {
            throw new IOException("server is closing");
        }
        try {
            if (chunked) {
                writer.chunk(message);
            } else {
                writer.body(message);
            }
            writer.flush();
        } catch (IOException e) {
            broken = true;
            throw e;
        }
    }

    @Override
    public boolean isOpen() {
        return !broken && !server.closing();
    }

    @Override
    public void onHangUp(Runnable action) {
        synchronized (onHangUp) {
            if (!hungUp) {
                onHangUp.add(action);
                return;
            }
        }
        runQuietly(action);
    }

    /** The client has gone: later sends fail, {@link #isOpen} is false, and the hang-up actions run. */
    void hangUp() {
        broken = true;
        List<Runnable> actions;
        synchronized (onHangUp) {
            hungUp = true;
            actions = List.copyOf(onHangUp);
            onHangUp.clear();
        }
        actions.forEach(ChunkedSink::runQuietly);
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException ignored) {
            // the client has gone either way
        }
    }

    /** Ends the body (the last chunk); false when the client has gone and the connection is done. */
    synchronized boolean end() {
        if (broken) {
            return false;
        }
        try {
            if (chunked) {
                writer.lastChunk();
            }
            writer.flush();
            return true;
        } catch (IOException e) {
            broken = true;
            return false;
        }
    }
}
