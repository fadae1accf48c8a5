package dev.dockmock.server;

import dev.dockmock.protocol.ApiResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One client connection: reads requests, asks the server's current dispatcher, has the answers
 * written, keeps the connection alive between requests, and ends it without resetting it.
 */
final class HttpConnection implements Runnable {

    /** Where a connection is in its life; the reaper and shutdown act on it. */
    enum State { IDLE, READING, BUSY, STREAMING, HIJACKED, STALLED, DRAINING, CLOSED }

    private static final long DRAIN_NANOS = 2_000_000_000L;
    private static final int DRAIN_BYTES = 1 << 20;
    private static final long SHUTDOWN_DRAIN_NANOS = 1_000_000_000L;

    private final Transport transport;
    private final ServerContext server;
    private final HttpInput input;
    private final ResponseWriter writer;
    private final RequestReader reader;
    private final ResponseSender sender;
    private final AtomicReference<State> state = new AtomicReference<>(State.IDLE);
    private volatile long deadline;
    private volatile Thread thread;
    private volatile boolean dropRequested;
    private HangUpWatch watch;

    HttpConnection(Transport transport, ServerContext server) {
        this.transport = transport;
        this.server = server;
        this.input = new HttpInput(transport.input());
        this.writer = new ResponseWriter(new BufferedOutputStream(transport.output(), 16 * 1024));
        this.reader = new RequestReader(input, server.options());
        this.sender = new ResponseSender(this, transport, writer, input, server);
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        boolean clean = false;
        try {
            clean = serve();
        } catch (HttpProblem problem) {
            answerProblem(problem.status(), problem.getMessage());
        } catch (IOException | RuntimeException gone) {
            // the client went away or its stream broke; nothing left to answer
        } finally {
            finish(clean);
        }
    }

    /** Answers a connection beyond the server's limit with a 503, without reading its request. */
    void refuse(int limit) {
        thread = Thread.currentThread();
        state.set(State.BUSY);
        answerProblem(503, "dockmock is serving its limit of " + limit + " connections; try again later");
        finish(false);
    }

    /** Serves requests until the connection should end; true when it ends at a request boundary. */
    private boolean serve() throws IOException, HttpProblem {
        while (true) {
            deadline = System.nanoTime() + server.options().idleTimeout().toNanos();
            if (server.closing()) {
                // Not clean: the client may have sent its next request right after our keep-alive
                // answer; closing with it unread would reset the connection instead of ending it.
                return false;
            }
            if (!nextRequestArrives()) {
                return true;
            }
            // The deadline first: the reaper must never see READING with the idle deadline.
            deadline = System.nanoTime() + server.options().headerTimeout().toNanos();
            if (!state.compareAndSet(State.IDLE, State.READING)) {
                return false;
            }
            RequestReader.Request request = reader.read(writer, transport.client());
            if (request == null) {
                return true;
            }
            if (!state.compareAndSet(State.READING, State.BUSY)) {
                return false;
            }
            deadline = 0;
            ApiResponse response = DispatchCall.answer(server.dispatcher(), request.value(), server.options().log());
            // Decided after dispatching, so an answer finished during shutdown says it closes.
            boolean keepAlive = request.head().keepAlive() && !server.closing() && !dropRequested;
            if (!sender.send(request.head(), request.value(), response, keepAlive) || !keepAlive
                    || !state.compareAndSet(State.BUSY, State.IDLE)) {
                return false;
            }
        }
    }

    /** Waits for the first byte of the next request; after a stream, the hang-up watch has been waiting for it. */
    private boolean nextRequestArrives() throws IOException {
        boolean arrived = watch != null ? watch.awaitData() : input.awaitData();
        watch = null; // kept until the watch is over, so finish() never reads alongside it
        return arrived;
    }

    /** While a stream is written, learns whether the client hangs up; see {@link HangUpWatch}. */
    void watchForHangUp(ChunkedSink sink) {
        watch = HangUpWatch.start(input, server, () -> {
            sink.hangUp();
            interrupt(); // wakes a writer waiting for something to send
        });
    }

    /** Answers a request that could not be read; the connection ends after it. */
    private void answerProblem(int status, String message) {
        try {
            writer.problem(status, message);
        } catch (IOException ignored) {
            // the client is gone
        }
    }

    /**
     * Ends the connection without resetting it: half-close, read what the client still sends
     * (bounded in bytes and time), then close. Closing with unread input makes the kernel send
     * RST, which clients report as "connection reset by peer" instead of showing our answer.
     */
    void finish(boolean clean) {
        Thread.interrupted();
        try {
            if (state.get() != State.CLOSED) {
                writer.flush();
                transport.shutdownOutput();
                deadline = System.nanoTime() + (server.closing() ? SHUTDOWN_DRAIN_NANOS : DRAIN_NANOS);
                state.set(State.DRAINING);
                if (!clean && (watch == null || watch.awaitData())) {
                    input.discard(DRAIN_BYTES);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // the client is gone
        } finally {
            state.set(State.CLOSED);
            transport.close();
            server.forget(this);
        }
    }

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
