package dev.dockmock.server;

import dev.dockmock.protocol.ApiResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;

/**
 * One client connection: reads requests, asks the server's current dispatcher, has the answers
 * written, keeps the connection alive between requests, and ends it without resetting it.
 */
final class HttpConnection extends ConnectionLifecycle implements Runnable {

    private static final long DRAIN_NANOS = 2_000_000_000L;
    private static final int DRAIN_BYTES = 1 << 20;

    private final ServerContext server;
    private final HttpInput input;
    private final ResponseWriter writer;
    private final RequestReader reader;
    private final ResponseSender sender;
    private HangUpWatch watch;

    HttpConnection(Transport transport, ServerContext server) {
        super(transport);
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
    @Override
    void answerProblem(int status, String message) {
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
}
