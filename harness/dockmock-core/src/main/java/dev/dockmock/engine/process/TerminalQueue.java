package dev.dockmock.engine.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a {@link Terminal} has released to its readers: whole lines in canonical mode, single
 * bytes in raw mode, and end-of-file marks (^D on an empty line), each mark ending one read.
 * After a hang-up the readers get end-of-file for good once the queue is empty.
 */
final class TerminalQueue {
    private static final byte[] EOF = new byte[0];

    private final Deque<byte[]> ready = new ArrayDeque<>();
    private byte[] reading;
    private int readAt;
    private boolean hungUp;

    synchronized void add(byte[] chunk) {
        ready.add(chunk);
        notifyAll();
    }

    /** One end-of-file for the next read. */
    synchronized void addEof() {
        add(EOF);
    }

    /** Drops what no reader has taken yet (^C flushes typed-ahead lines too). */
    synchronized void clear() {
        ready.clear();
    }

    synchronized void hangUp() {
        hungUp = true;
        notifyAll();
    }

    InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : take(b, off, len);
            }

            @Override
            public int available() {
                synchronized (TerminalQueue.this) {
                    return reading != null ? reading.length - readAt : ready.isEmpty() ? 0 : ready.peek().length;
                }
            }
        };
    }

    private synchronized int take(byte[] b, int off, int len) throws IOException {
        try {
            while (reading == null) {
                if (!ready.isEmpty()) {
                    reading = ready.poll();
                    readAt = 0;
                } else if (hungUp) {
                    return -1;
                } else {
                    wait(1000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the terminal");
        }
        if (reading == EOF) {
            reading = null;
            return -1;
        }
        int n = Math.min(len, reading.length - readAt);
        System.arraycopy(reading, readAt, b, off, n);
        readAt += n;
        if (readAt == reading.length) {
            reading = null;
        }
        return n;
    }
}
