package dev.dockmock.junit;

import java.util.ArrayDeque;
import java.util.Deque;

/** Closes what was added, last added first; every one is closed even when some fail. */
final class Closer implements AutoCloseable {
    private final Deque<AutoCloseable> stack = new ArrayDeque<>();

    synchronized <T extends AutoCloseable> T add(T closeable) {
        stack.push(closeable);
        return closeable;
    }

    @Override
    public void close() throws Exception {
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
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Closes after a failure to start; what closing throws is added to {@code cause}. */
    void closeAfter(Throwable cause) {
        try {
            close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
