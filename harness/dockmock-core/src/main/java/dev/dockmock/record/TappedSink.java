package dev.dockmock.record;

import dev.dockmock.protocol.StreamSink;
import dev.dockmock.session.RecordedBody;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes each message of a stream on and keeps a copy with its time. The copy is kept before it is
 * sent: the cassette holds what the answering side said. A send that fails because the client is
 * leaving may well have reached it (the server's hang-up interrupt can land as a write completes).
 */
final class TappedSink implements StreamSink {
    private final StreamSink sink;
    private final long startNanos;
    private final List<RecordedBody.Chunk> chunks = new ArrayList<>();

    TappedSink(StreamSink sink, long startNanos) {
        this.sink = sink;
        this.startNanos = startNanos;
    }

    @Override
    public void send(byte[] message) throws IOException {
        long at = Recording.millisSince(startNanos);
        synchronized (chunks) {
            chunks.add(new RecordedBody.Chunk(at, message.clone()));
        }
        sink.send(message);
    }

    @Override
    public boolean isOpen() {
        return sink.isOpen();
    }

    @Override
    public void onHangUp(Runnable action) {
        sink.onHangUp(action);
    }

    List<RecordedBody.Chunk> chunks() {
        synchronized (chunks) {
            return List.copyOf(chunks);
        }
    }
}
