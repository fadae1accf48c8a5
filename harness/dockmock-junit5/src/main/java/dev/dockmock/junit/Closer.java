package dev.dockmock.junit;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Closes what was added, last added first; every one is closed even when some fail. The first
 * failure is thrown (checked ones other than {@link IOException} wrapped in one), the others
 * suppressed in it.
 */
final class Closer implements AutoCloseable {
    private final Deque<AutoCloseable> stack = new ArrayDeque<>();

    synchronized <T extends AutoCloseable> T add(T closeable) {
        stack.push(closeable);
        return closeable;
    }

    @Override
    public void close() throws IOException {
        Exception first = null;
        while (true) {
            AutoCloseable next;
            synchronized (this) {
                next = stack.poll();
            }
            if (next == null) {
                break;
            }
            try {
                next.close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first instanceof IOException io) {
            throw io;
        }
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (first != null) {
            throw new IOException("closing failed: " + first, first);
        }
    }

    /** Closes after a failure to start; what closing throws is added to {@code cause}. */
    void closeAfter(Throwable cause) {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
