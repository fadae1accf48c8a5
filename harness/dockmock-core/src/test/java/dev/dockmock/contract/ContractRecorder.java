package dev.dockmock.contract;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ResponseBody;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A dispatcher decorator that records every (request, response) pair going through it and checks
 * each response against a Docker API spec, collecting {@link Violation}s instead of failing, so a
 * test can list them all at once.
 *
 * <p>Bodies: complete ones are checked at once. Streamed ones are drained through an in-memory
 * {@link StreamCapture} and replayed to the caller: for operations known to end (pull, logs
 * without {@code follow}, stats with {@code stream=false}, events with {@code until}) the recorder
 * waits for the end, up to {@code endBound}; any other stream ({@code wait}, live events or stats)
 * is drained in the background and, at {@link #settle()}, checked as far as it got within
 * {@code openBound} of its request, then cut. Hijacked bodies are never run: only their status and
 * content type are checked.
 */
public final class ContractRecorder implements Dispatcher {
    private static final Set<String> ALWAYS_END = Set.of("ImageCreate", "ImagePush", "ImageLoad", "ImageBuild", "ImageGet",
            "ImageGetAll", "ContainerExport", "ContainerArchive");

    private final Dispatcher delegate;
    private final ApiSpec spec;
    private final ResponseCheck check;
    private final Duration endBound;
    private final Duration openBound;
    private final List<Exchange> exchanges = new ArrayList<>();
    private final List<Violation> violations = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();

    private record Pending(Exchange exchange, long deadline) {
    }

    /** A recorder with bounds of 10 s for streams that should end and 2 s for those that need not. */
    public ContractRecorder(Dispatcher delegate, ApiSpec spec) {
        this(delegate, spec, Duration.ofSeconds(10), Duration.ofSeconds(2));
    }

    public ContractRecorder(Dispatcher delegate, ApiSpec spec, Duration endBound, Duration openBound) {
        this.delegate = delegate;
        this.spec = spec;
        this.check = new ResponseCheck(spec);
        this.endBound = endBound;
        this.openBound = openBound;
    }

    @Override
    public ApiResponse dispatch(ApiRequest request) {
        Exchange exchange = exchange(request);
        if (exchange.stream() == null) {
            return exchange.response();
        }
        ApiResponse original = exchange.response();
        return new ApiResponse(original.status(), original.headers(), new ResponseBody.Streamed(exchange.stream().replay()));
    }

    /** Dispatches, records and checks, and gives the whole exchange (for tests that read bodies). */
    public Exchange exchange(ApiRequest request) {
        ApiResponse response = delegate.dispatch(request);
        Optional<SpecOperation> op = spec.find(request.method(), request.path());
        StreamCapture stream = response.body() instanceof ResponseBody.Streamed streamed
                ? StreamCapture.start(streamed.writer(), request.toString()) : null;
        Exchange exchange = new Exchange(request, response, op, stream);
        synchronized (this) {
            exchanges.add(exchange);
        }
        if (op.isEmpty()) {
            if (response.status() != 404) {
                report(exchange, "the request matches no operation of the spec");
            }
            if (stream == null) {
                check.checkDocument(null, response.status(), contentType(exchange), exchange.body(), false)
                        .forEach(m -> report(exchange, m));
            } else {
                synchronized (this) {
                    pending.add(new Pending(exchange, System.nanoTime() + openBound.toNanos()));
                }
            }
            return exchange;
        }
        boolean hasBody = stream != null || exchange.hijacked() || exchange.body().length > 0;
        check.checkHead(op.get(), response, hasBody).forEach(m -> report(exchange, m));
        if (stream == null) {
            if (!exchange.hijacked()) {
                check.checkDocument(op.get(), response.status(), contentType(exchange), exchange.body(), request.method().equals("HEAD"))
                        .forEach(m -> report(exchange, m));
            }
        } else if (ends(op.get(), request)) {
            awaitEnd(exchange);
        } else {
            synchronized (this) {
                pending.add(new Pending(exchange, System.nanoTime() + openBound.toNanos()));
            }
        }
        return exchange;
    }

    private void awaitEnd(Exchange exchange) {
        try {
            if (!exchange.stream().awaitEnd(endBound)) {
                exchange.stream().cut();
                report(exchange, "the stream did not end within " + endBound.toMillis() + " ms although this request should end it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.stream().cut();
        }
        checkStream(exchange);
    }

    private void checkStream(Exchange exchange) {
        Throwable failure = exchange.stream().failure();
        if (failure != null) {
            report(exchange, "the stream writer failed: " + failure);
        }
        exchange.operation().ifPresent(op -> check.checkStream(op, exchange.status(), contentType(exchange),
                exchange.stream().messages()).forEach(m -> report(exchange, m)));
    }

    /** Whether a streamed answer to this request is one that ends by itself. */
    static boolean ends(SpecOperation op, ApiRequest request) {
        return switch (op.operationId()) {
            case "ContainerStats" -> !request.query().flag("stream", true) || request.query().flag("one-shot", false);
            case "ContainerLogs", "ServiceLogs", "TaskLogs" -> !request.query().flag("follow", false);
            case "SystemEvents" -> request.query().first("until").filter(u -> !u.isEmpty()).isPresent();
            default -> ALWAYS_END.contains(op.operationId());
        };
    }

    /**
     * Finishes the background streams: waits for each until its bound has passed since its
     * request, cuts those still going, and checks what they sent.
     */
    public void settle() {
        List<Pending> open;
        synchronized (this) {
            open = new ArrayList<>(pending);
            pending.clear();
        }
        for (Pending p : open) {
            try {
                long left = p.deadline() - System.nanoTime();
                if (left > 0) {
                    p.exchange().stream().awaitEnd(Duration.ofNanos(left));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            p.exchange().stream().cut();
            checkStream(p.exchange());
        }
    }

    /** Every exchange so far, in order. */
    public synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** Every violation found, after {@link #settle() settling} the background streams. */
    public List<Violation> violations() {
        settle();
        synchronized (this) {
            return List.copyOf(violations);
        }
    }

    public ApiSpec spec() {
        return spec;
    }

    private static String contentType(Exchange exchange) {
        return exchange.contentType().orElse(null);
    }

    private void report(Exchange exchange, String message) {
        Violation violation = Violation.of(spec, exchange.operation().orElse(null), exchange.request().toString(), exchange.status(), message);
        synchronized (this) {
            violations.add(violation);
        }
    }
}
