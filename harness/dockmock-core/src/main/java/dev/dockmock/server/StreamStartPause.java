package dev.dockmock.server;

import dev.dockmock.protocol.ApiRequest;
import java.util.concurrent.TimeUnit;

/**
 * How long a hijacked stream holds back its first bytes after the {@code 101 UPGRADED} head.
 *
 * <p>docker-py (and so testcontainers-python) reads the 101 head through Python's buffered
 * reader, then reads the stream from the raw socket underneath it: bytes that reached the
 * socket with the head sit in that buffer and are lost, so {@code exec_run} returns empty
 * output. Against dockerd the race is hidden by its own latency (containerd starts the exec,
 * the log driver is read) of several milliseconds; dockmock answers in microseconds, and lost
 * about one {@code exec_run} in five on a busy machine. So for that client only, the first write
 * waits until {@link #PYTHON_PAUSE_MILLIS} after the head; a stream whose first output comes
 * later anyway waits nothing. Other clients (the docker CLI, docker-java, dockerode) keep what
 * was read with the head and get no pause.
 */
final class StreamStartPause {
    /** dockerd's exec start takes about this long; a Python client reads the head well within it. */
    static final long PYTHON_PAUSE_MILLIS = 50;

    private static final String PYTHON_AGENT = "docker-sdk-python";

    private StreamStartPause() {
    }

    /** The {@link System#nanoTime()} before which the stream must not write, for a head sent now. */
    static long firstWriteNotBefore(ApiRequest request, boolean upgraded) {
        if (!upgraded || !request.headers().first("User-Agent").orElse("").startsWith(PYTHON_AGENT)) {
            return Long.MIN_VALUE;
        }
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PYTHON_PAUSE_MILLIS);
    }

    /** Sleeps until {@code notBefore} (a {@link System#nanoTime()}) when it is still ahead. */
    static void awaitStart(long notBefore) throws java.io.InterruptedIOException {
        if (notBefore == Long.MIN_VALUE) {
            return;
        }
        long left = notBefore - System.nanoTime();
        if (left > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted before the stream's first write");
            }
        }
    }
}
