package dev.dockmock.engine.process;

import java.io.IOException;
import java.io.InputStream;

/**
 * A process's stdin: attached clients write into it, the process reads from it. Reads wait for
 * data and are interruptible; writes wait while the buffer is full, as a pipe does.
 */
public final class StdinPipe extends InputStream {
    private final byte[] buffer;
    private int head;
    private int count;
    private boolean closed;

    public StdinPipe(int capacity) {
        this.buffer = new byte[capacity];
    }

    /** Writes all of {@code data}; fails once the pipe is closed. */
    public synchronized void write(byte[] data, int offset, int length) throws IOException, InterruptedException {
        int written = 0;
        while (written < length) {
            if (closed) {
                throw new IOException("stdin closed");
            }
            if (count == buffer.length) {
                wait(1000);
                continue;
            }
            int tail = (head + count) % buffer.length;
            int n = Math.min(length - written, Math.min(buffer.length - count, buffer.length - tail));
            System.arraycopy(data, offset + written, buffer, tail, n);
            count += n;
            written += n;
            notifyAll();
        }
    }

    /** End of input: readers get EOF once the buffer is drained. */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        try {
            while (count == 0) {
                if (closed) {
                    return -1;
                }
                wait(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading stdin");
        }
        int n = Math.min(len, Math.min(count, buffer.length - head));
        System.arraycopy(buffer, head, b, off, n);
        head = (head + n) % buffer.length;
        count -= n;
        notifyAll();
        return n;
    }

    @Override
    public synchronized int available() {
        return count;
    }
}
