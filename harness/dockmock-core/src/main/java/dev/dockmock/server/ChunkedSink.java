package dev.dockmock.server;

import dev.dockmock.protocol.StreamSink;
import java.io.IOException;

/**
 * A streamed response's sink: each message is one chunk, flushed at once. For an HTTP/1.0
 * client, which cannot read chunks, messages are written raw and the body ends with the connection.
 */
final class ChunkedSink implements StreamSink {
    private final ResponseWriter writer;
    private final ServerContext server;
    private final boolean chunked;
    private volatile boolean broken;

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

    /** The client has gone: later sends fail and {@link #isOpen} is false. */
    void hangUp() {
        broken = true;
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
