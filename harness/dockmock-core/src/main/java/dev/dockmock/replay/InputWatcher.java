package dev.dockmock.replay;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * Reads and discards what a client sends on a hijacked stream, counting it, so the replay can wait
 * for recorded stdin with a time limit (a blocking read has none).
 */
final class InputWatcher {
    private final InputStream input;
    private final Thread thread;
    private long received;
    private boolean ended;

    InputWatcher(InputStream input) {
        this.input = input;
        this.thread = new Thread(this::drain, "dockmock-replay-stdin");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void drain() {
        byte[] scratch = new byte[8192];
        try {
            int n;
            while ((n = input.read(scratch, 0, scratch.length)) >= 0) {
                synchronized (this) {
                    received += n;
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the client went away: as good as end of stream here
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /** Waits until {@code total} bytes came in all, the client half-closed, or the time is up. */
    synchronized void awaitBytes(long total, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (received < total && !ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Waits until the client half-closed or the time is up. */
    synchronized void awaitEnd(long timeoutNanos) throws InterruptedException {
        awaitBytes(Long.MAX_VALUE, timeoutNanos);
    }

    /** Lets the reader finish before the server drains the same input itself. */
    void join(long millis) throws InterruptedException {
        thread.join(millis);
    }
}
