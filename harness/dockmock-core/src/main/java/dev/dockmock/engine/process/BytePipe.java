package dev.dockmock.engine.process;

import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * A bounded pipe between two pipeline stages, like the kernel's: a writer waits while it is full,
 * and gets {@link ShellControl.BrokenPipe} once the reader has gone, which is how
 * {@code yes | head -n 3} ends.
 */
final class BytePipe {
    private static final int CAPACITY = 64 * 1024;

    private final byte[] buffer = new byte[CAPACITY];
    private int start;
    private int size;
    private boolean writerClosed;
    private boolean readerClosed;

    synchronized void write(byte[] data) {
        int offset = 0;
        while (offset < data.length) {
            if (readerClosed) {
                throw new ShellControl.BrokenPipe();
            }
            if (size == CAPACITY) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    // The stage is being torn down; keep the flag for the loops that check it.
                    Thread.currentThread().interrupt();
                    throw new ShellControl.BrokenPipe();
                }
                continue;
            }
            int end = (start + size) % CAPACITY;
            int count = Math.min(data.length - offset, Math.min(CAPACITY - size, CAPACITY - end));
            System.arraycopy(data, offset, buffer, end, count);
            size += count;
            offset += count;
            notifyAll();
        }
    }

    synchronized int read(byte[] target, int offset, int length) throws InterruptedIOException {
        if (length == 0) {
            return 0;
        }
        while (size == 0) {
            if (writerClosed || readerClosed) {
                return -1;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading a pipe");
            }
        }
        int count = Math.min(length, Math.min(size, CAPACITY - start));
        System.arraycopy(buffer, start, target, offset, count);
        start = (start + count) % CAPACITY;
        size -= count;
        notifyAll();
        return count;
    }

    synchronized void closeWriter() {
        writerClosed = true;
        notifyAll();
    }

    synchronized void closeReader() {
        readerClosed = true;
        notifyAll();
    }

    private synchronized int available() {
        return size;
    }

    /** The reading end; closing it breaks the pipe for the writer. */
    InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws InterruptedIOException {
                byte[] one = new byte[1];
                return BytePipe.this.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] target, int offset, int length) throws InterruptedIOException {
                return BytePipe.this.read(target, offset, length);
            }

            @Override
            public int available() {
                return BytePipe.this.available();
            }

            @Override
            public void close() {
                closeReader();
            }
        };
    }
}
