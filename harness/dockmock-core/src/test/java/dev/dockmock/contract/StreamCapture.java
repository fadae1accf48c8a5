package dev.dockmock.contract;

import dev.dockmock.protocol.StreamSink;
import dev.dockmock.protocol.StreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory {@link StreamSink} that drains a streamed body on a thread of its own and keeps
 * every message, so the messages can be checked and replayed to whoever reads the response. It
 * can be cut short: {@link #cut()} closes the sink (the writer's next {@code send} fails and
 * {@code isOpen()} turns false) and interrupts the writer, which is how infinite streams such
 * as {@code /events} or {@code stats?stream=1} are bounded.
 */
public final class StreamCapture implements StreamSink {
    private final List<byte[]> messages = new ArrayList<>();
    private volatile boolean open = true;
    private boolean ended;
    private boolean cut;
    private Throwable failure;
    private Thread thread;

    private StreamCapture() {
    }

    /** Starts draining {@code writer} on a daemon thread. */
    public static StreamCapture start(StreamWriter writer, String name) {
        StreamCapture capture = new StreamCapture();
        capture.thread = new Thread(() -> capture.run(writer), "contract-drain " + name);
        capture.thread.setDaemon(true);
        capture.thread.start();
        return capture;
    }

    private void run(StreamWriter writer) {
        Throwable thrown = null;
        try {
            writer.writeTo(this);
        } catch (IOException | InterruptedException | RuntimeException e) {
            thrown = e;
        }
        synchronized (this) {
            if (!cut) {
                failure = thrown;
            }
            ended = true;
            open = false;
            notifyAll();
        }
    }

    @Override
    public void send(byte[] message) throws IOException {
        synchronized (this) {
            if (!open) {
                throw new IOException("stream closed by the contract recorder");
            }
            messages.add(message.clone());
            notifyAll();
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Waits until the writer returns; true when it did within {@code bound}. */
    public synchronized boolean awaitEnd(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Ends a stream that is still going: closes the sink and interrupts the writer. */
    public void cut() {
        synchronized (this) {
            if (ended) {
                return;
            }
            cut = true;
            open = false;
            notifyAll();
        }
        thread.interrupt();
    }

    /** The messages so far. */
    public synchronized List<byte[]> messages() {
        return List.copyOf(messages);
    }

    /** Every message so far, concatenated. */
    public synchronized byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        messages.forEach(all::writeBytes);
        return all.toByteArray();
    }

    /** True once the writer returned by itself, not because it was cut. */
    public synchronized boolean endedByItself() {
        return ended && !cut;
    }

    /** What the writer threw, other than because it was cut; null when nothing. */
    public synchronized Throwable failure() {
        return failure;
    }

    /**
     * A writer that sends the captured messages, as they arrive, to another sink: the body of the
     * response the recorder hands on, so callers read the stream as if undecorated.
     */
    public StreamWriter replay() {
        return sink -> {
            int next = 0;
            while (sink.isOpen()) {
                byte[] message;
                synchronized (this) {
                    while (next >= messages.size() && !ended && !cut) {
                        wait(200);
                    }
                    if (next >= messages.size()) {
                        return;
                    }
                    message = messages.get(next++);
                }
                sink.send(message);
            }
        };
    }
}
