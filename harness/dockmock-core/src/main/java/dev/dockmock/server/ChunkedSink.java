package dev.dockmock.server;

import dev.dockmock.protocol.StreamSink;
import java.io.IOException;

/** A streamed response's sink: each message is one chunk, flushed at once. */
final class ChunkedSink implements StreamSink {
    private final ResponseWriter writer;
    private final ServerContext server;
    private volatile boolean broken;

    ChunkedSink(ResponseWriter writer, ServerContext server) {
        this.writer = writer;
        this.server = server;
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
            writer.chunk(message);
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

    boolean broken() {
        return broken;
    }
}
