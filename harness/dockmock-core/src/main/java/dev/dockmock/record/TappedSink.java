package dev.dockmock.record;

import dev.dockmock.protocol.StreamSink;
import dev.dockmock.session.RecordedBody;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Passes each message of a stream on and keeps a copy with its time, once the client has it. */
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
        byte[] copy = message.clone();
        sink.send(message);
        synchronized (chunks) {
            chunks.add(new RecordedBody.Chunk(at, copy));
        }
    }

    @Override
    public boolean isOpen() {
        return sink.isOpen();
    }

    List<RecordedBody.Chunk> chunks() {
        synchronized (chunks) {
            return List.copyOf(chunks);
        }
    }
}
