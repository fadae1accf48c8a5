package dev.dockmock.server;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerError;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.ResponseBody;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One client connection: reads requests, asks the server's current dispatcher, writes answers,
 * keeps the connection alive between requests, and hands it over for streams and hijacks.
 */
final class HttpConnection implements Runnable {

    /** Where a connection is in its life; the reaper and shutdown act on it. */
    enum State { IDLE, READING, BUSY, STREAMING, HIJACKED, DRAINING, CLOSED }

    private static final long DRAIN_NANOS = 2_000_000_000L;
    private static final int DRAIN_BYTES = 1 << 20;

    private final Transport transport;
    private final ServerContext server;
    private final HttpInput input;
    private final ResponseWriter writer;
    private final RequestReader reader;
    private final AtomicReference<State> state = new AtomicReference<>(State.IDLE);
    private volatile long deadline;
    private volatile Thread thread;

    HttpConnection(Transport transport, ServerContext server) {
        this.transport = transport;
        this.server = server;
        this.input = new HttpInput(transport.input());
        this.writer = new ResponseWriter(new BufferedOutputStream(transport.output(), 16 * 1024));
        this.reader = new RequestReader(input, server.options());
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

    /** Serves requests until the connection should end; true when it ends at a request boundary. */
    private boolean serve() throws IOException, HttpProblem {
        while (true) {
            deadline = System.nanoTime() + server.options().idleTimeout().toNanos();
            if (server.closing() || !input.awaitData()) {
                return true;
            }
            if (!state.compareAndSet(State.IDLE, State.READING)) {
                return false;
            }
            deadline = System.nanoTime() + server.options().headerTimeout().toNanos();
            RequestHead head = reader.readHead();
            if (head == null) {
                return true;
            }
            if (head.headers().hasToken("Expect", "100-continue")) {
                writer.head(100, dev.dockmock.protocol.Headers.empty());
                writer.flush();
            }
            byte[] body = reader.readBody(head);
            if (!state.compareAndSet(State.READING, State.BUSY)) {
                return false;
            }
            deadline = 0;
            ApiRequest request;
            try {
                request = ApiRequest.of(head.method(), head.target(), head.headers(), body, transport.client());
            } catch (IllegalArgumentException e) {
                throw new HttpProblem(400, "malformed request target: " + e.getMessage());
            }
            boolean keepAlive = head.keepAlive() && !server.closing();
            if (!respond(request, dispatch(request), keepAlive) || !keepAlive) {
                return false;
            }
            if (!state.compareAndSet(State.BUSY, State.IDLE)) {
                return false;
            }
        }
    }

    private ApiResponse dispatch(ApiRequest request) {
        try {
            return server.dispatcher().dispatch(request);
        } catch (DockerException e) {
            return e.error().toResponse();
        } catch (RuntimeException | Error e) {
            server.options().log().accept("dispatcher failed on " + request + ": " + e);
            return ApiResponse.error(500, "dockmock internal error: " + e);
        }
    }

    /** Writes the answer; false when the connection cannot carry another request. */
    private boolean respond(ApiRequest request, ApiResponse response, boolean keepAlive) throws IOException {
        String connection = keepAlive ? null : "close";
        boolean head = request.method().equals("HEAD");
        ResponseBody body = response.body();
        if (body instanceof ResponseBody.Bytes bytes) {
            writer.head(response.status(), response.headers(), framing(connection, "Content-Length", String.valueOf(bytes.data().length)));
            if (!head) {
                writer.body(bytes.data());
            }
        } else if (body instanceof ResponseBody.Empty) {
            int status = response.status();
            boolean noLength = status == 204 || status == 304 || status < 200;
            writer.head(status, response.headers(), noLength ? framing(connection) : framing(connection, "Content-Length", "0"));
        } else if (body instanceof ResponseBody.Streamed streamed) {
            if (head) {
                writer.head(response.status(), response.headers(), framing(connection, "Content-Length", "0"));
            } else {
                return stream(response, streamed, connection);
            }
        } else if (body instanceof ResponseBody.Hijacked hijacked) {
            new HijackRun(this, transport, writer, input).run(request, response, hijacked.handler());
            return false;
        }
        writer.flush();
        return true;
    }

    private boolean stream(ApiResponse response, ResponseBody.Streamed streamed, String connection) throws IOException {
        writer.head(response.status(), response.headers(), framing(connection, "Transfer-Encoding", "chunked"));
        writer.flush();
        state.set(State.STREAMING);
        ChunkedSink sink = new ChunkedSink(writer, server);
        try {
            streamed.writer().writeTo(sink);
        } catch (InterruptedException e) {
            Thread.interrupted();
        } catch (IOException e) {
            return false;
        } catch (RuntimeException e) {
            server.options().log().accept("stream failed: " + e);
            return false;
        }
        if (sink.broken()) {
            return false;
        }
        writer.lastChunk();
        writer.flush();
        return state.compareAndSet(State.STREAMING, State.BUSY);
    }

    private static String[] framing(String connection, String... fields) {
        if (connection == null) {
            return fields;
        }
        String[] all = java.util.Arrays.copyOf(fields, fields.length + 2);
        all[fields.length] = "Connection";
        all[fields.length + 1] = connection;
        return all;
    }

    /** Answers a request that could not be read, then ends the connection. */
    private void answerProblem(int status, String message) {
        try {
            byte[] body = DockerError.of(status, message).body();
            writer.head(status, dev.dockmock.protocol.Headers.of("Content-Type", ApiResponse.JSON),
                    "Content-Length", String.valueOf(body.length), "Connection", "close");
            writer.body(body);
            writer.flush();
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
                state.set(State.DRAINING);
                deadline = System.nanoTime() + DRAIN_NANOS;
                if (!clean) {
                    drain();
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

    private void drain() throws IOException {
        byte[] scratch = new byte[8192];
        int total = 0;
        int n;
        while (total < DRAIN_BYTES && (n = input.read(scratch, 0, scratch.length)) >= 0) {
            total += n;
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

    /** Server shutdown, first step: idle connections end now; streams and hijacks are asked to end. */
    void serverClosing() {
        State current = state.get();
        if (current == State.IDLE && state.compareAndSet(State.IDLE, State.CLOSED)) {
            transport.close();
        } else if (current == State.HIJACKED) {
            try {
                transport.shutdownInput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    /** Server shutdown, second step: wake handlers that wait on something other than the socket. */
    void interrupt() {
        Thread running = thread;
        if (running != null && (state.get() == State.STREAMING || state.get() == State.HIJACKED)) {
            running.interrupt();
        }
    }

    /** Server shutdown, last step: cut whatever is left. */
    void forceClose() {
        state.set(State.CLOSED);
        transport.close();
    }

    void markHijacked() {
        state.set(State.HIJACKED);
        deadline = 0;
    }

    State state() {
        return state.get();
    }
}
