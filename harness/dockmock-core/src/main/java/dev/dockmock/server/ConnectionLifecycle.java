package dev.dockmock.server;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a connection is in its life, and what other threads do to it there: the reaper ends it
 * past its deadline, shutdown and a daemon restart end or drop it, streams and hijacks mark it.
 * {@link HttpConnection} serves the requests; the state lives on the same object, so reading and
 * moving it costs a request nothing extra.
 */
abstract class ConnectionLifecycle {

    /** Where a connection is in its life; the reaper and shutdown act on it. */
    enum State { IDLE, READING, BUSY, STREAMING, HIJACKED, STALLED, DRAINING, CLOSED }

    static final long SHUTDOWN_DRAIN_NANOS = 1_000_000_000L;

    final Transport transport;
    final AtomicReference<State> state = new AtomicReference<>(State.IDLE);
    volatile long deadline;
    volatile Thread thread;
    volatile boolean dropRequested;

    ConnectionLifecycle(Transport transport) {
        this.transport = transport;
    }

    /** Answers with an error, ignoring a client that is gone. */
    abstract void answerProblem(int status, String message);

    /** Called about four times a second: ends connections past their deadline. */
    void reap(long now) {
        long due = deadline;
        if (due == 0 || now - due < 0) {
            return;
        }
        State current = state.get();
        if (current == State.READING && state.compareAndSet(State.READING, State.CLOSED)) {
            answerProblem(408, "timed out waiting for the request");
            transport.close();
        } else if ((current == State.IDLE || current == State.DRAINING) && state.compareAndSet(current, State.CLOSED)) {
            transport.close();
        }
    }

    /**
     * Server shutdown, first step: idle connections end now; hijacked ones see end of stdin. An
     * idle connection is half-closed and drained rather than closed: a request the client sends
     * at this very moment then finds the connection ended before any answer, where closing with
     * its bytes unread would have reset it.
     */
    void serverClosing() {
        State current = state.get();
        if (current == State.IDLE && state.compareAndSet(State.IDLE, State.DRAINING)) {
            // short: a client's request racing the shutdown arrives within moments; the reaper closes after
            deadline = System.nanoTime() + SHUTDOWN_DRAIN_NANOS;
            try {
                transport.shutdownOutput();
            } catch (IOException e) {
                transport.close();
            }
        } else if (current == State.STALLED && state.compareAndSet(current, State.CLOSED)) {
            transport.close();
        } else if (current == State.HIJACKED) {
            try {
                transport.shutdownInput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    /** Wakes a stream writer or hijack handler that waits on something other than the socket. */
    void interrupt() {
        Thread running = thread;
        State current = state.get();
        if (running != null && (current == State.STREAMING || current == State.HIJACKED)) {
            running.interrupt();
        }
    }

    /**
     * A daemon "restart" as clients see it: the connection drops now, unless it is busy answering
     * a request (the admin request that asked for the restart, for one), which ends after its answer.
     */
    void drop() {
        dropRequested = true;
        State current = state.get();
        if (current != State.BUSY && current != State.CLOSED) {
            state.set(State.CLOSED);
            transport.close();
        }
    }

    /** Server shutdown, last step: cut whatever is left. */
    void forceClose() {
        state.set(State.CLOSED);
        transport.close();
    }

    boolean markStreaming() {
        return state.compareAndSet(State.BUSY, State.STREAMING);
    }

    boolean endStreaming() {
        return state.compareAndSet(State.STREAMING, State.BUSY);
    }

    boolean markStalled() {
        return state.compareAndSet(State.BUSY, State.STALLED);
    }

    boolean markHijacked() {
        deadline = 0;
        return state.compareAndSet(State.BUSY, State.HIJACKED);
    }
}
