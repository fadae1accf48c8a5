package dev.dockmock.record;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.ResponseBody;
import dev.dockmock.session.CassetteWriter;
import dev.dockmock.session.Interaction;
import dev.dockmock.session.RecordedBody;
import dev.dockmock.session.RecordedRequest;
import dev.dockmock.session.RecordedResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records any dispatcher: answers exactly as {@code inner} does and appends each interaction to the
 * cassette once it is complete: a plain answer at once, a stream when it ends, a hijacked
 * conversation when its handler returns. Interactions are numbered in the order requests arrive.
 *
 * <pre>{@code
 * try (Engine engine = Engine.create(); CassetteWriter cassette = CassetteWriter.create(file, "dockmock engine")) {
 *     server.setDispatcher(new Recording(engine.dispatcher(), cassette));
 *     ...
 * }
 * }</pre>
 *
 * <p>A cassette that cannot be written is reported on the {@code dev.dockmock.record} logger;
 * clients are still answered.
 */
public final class Recording implements Dispatcher {
    private static final System.Logger LOG = System.getLogger("dev.dockmock.record");

    private final Dispatcher inner;
    private final CassetteWriter cassette;
    private final AtomicInteger ids = new AtomicInteger();
    private int running;

    public Recording(Dispatcher inner, CassetteWriter cassette) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.cassette = Objects.requireNonNull(cassette, "cassette");
    }

    @Override
    public ApiResponse dispatch(ApiRequest request) {
        long start = System.nanoTime();
        int id = ids.incrementAndGet();
        long at = TimeUnit.NANOSECONDS.toMillis(Math.max(0, start - cassette.startNanos()));
        ApiResponse response = answer(request);
        Pending pending = new Pending(id, at, RecordedRequest.of(request), response, millisSince(start));
        ResponseBody body = response.body();
        if (body instanceof ResponseBody.Bytes bytes) {
            pending.complete(response.status(), bytes.data().length == 0 ? RecordedBody.EMPTY : new RecordedBody.Full(bytes.data()));
        } else if (body instanceof ResponseBody.Empty) {
            pending.complete(response.status(), RecordedBody.EMPTY);
        } else if (body instanceof ResponseBody.Streamed streamed) {
            if (request.method().equals("HEAD")) {
                // the server sends no body to HEAD and never runs the writer
                pending.complete(response.status(), new RecordedBody.Stream(java.util.List.of(), true));
                return response;
            }
            started();
            return new ApiResponse(response.status(), response.headers(), new ResponseBody.Streamed(sink -> {
                TappedSink tapped = new TappedSink(sink, start);
                boolean complete = false;
                try {
                    streamed.writer().writeTo(tapped);
                    complete = true;
                } finally {
                    pending.complete(response.status(), new RecordedBody.Stream(tapped.chunks(), complete));
                    finished();
                }
            }));
        } else if (body instanceof ResponseBody.Hijacked hijacked) {
            started();
            return new ApiResponse(response.status(), response.headers(), new ResponseBody.Hijacked(stream -> {
                TappedStream tapped = new TappedStream(stream, start);
                try {
                    hijacked.handler().run(tapped);
                } finally {
                    RecordedBody.Conversation conversation = tapped.finish();
                    pending.complete(conversation.upgraded() ? 101 : response.status(), conversation);
                    finished();
                }
            }));
        }
        return response;
    }

    /**
     * Waits until every stream and hijacked conversation begun so far has ended and been written,
     * at most {@code timeout}.
     *
     * @return true when none is left running
     */
    public synchronized boolean awaitRecorded(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private synchronized void started() {
        running++;
    }

    private synchronized void finished() {
        running--;
        notifyAll();
    }

    private ApiResponse answer(ApiRequest request) {
        try {
            return inner.dispatch(request);
        } catch (DockerException e) {
            return e.error().toResponse();
        }
    }

    static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(Math.max(0, System.nanoTime() - startNanos));
    }

    /** An interaction whose answer is still going. */
    private final class Pending {
        private final int id;
        private final long at;
        private final RecordedRequest request;
        private final ApiResponse response;
        private final long latency;

        Pending(int id, long at, RecordedRequest request, ApiResponse response, long latency) {
            this.id = id;
            this.at = at;
            this.request = request;
            this.response = response;
            this.latency = latency;
        }

        void complete(int status, RecordedBody body) {
            Interaction interaction = new Interaction(id, at, request,
                    new RecordedResponse(status, response.headers(), latency, body));
            try {
                cassette.append(interaction);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot record " + interaction.describe() + " into "
                        + cassette.file() + ": " + e.getMessage());
            }
        }
    }
}
