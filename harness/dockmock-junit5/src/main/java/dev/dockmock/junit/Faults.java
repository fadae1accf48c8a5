package dev.dockmock.junit;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.dispatch.PathTemplate;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults a test switches on while it runs: Docker errors instead of answers, and slow answers,
 * for requests matching a method ({@code *} for any) and a path template ({@code /containers/{id}/start},
 * without the {@code /v1.NN} prefix). Rules apply in the order added; the first that matches
 * decides. The journal records the faulty answers like any other.
 *
 * <pre>{@code
 * dockmock.faults().failNext("POST", "/containers/create", 500, "no space left on device");
 * dockmock.faults().delay("GET", "/containers/{id}/json", Duration.ofSeconds(2));
 * }</pre>
 *
 * <p>These are answer-level faults. Transport faults (reset connections, truncated streams) belong
 * to the core's faults package once it exists.
 */
public final class Faults {
    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    Faults() {
    }

    /** Answers every matching request with a Docker error until {@link #clear()}. */
    public Faults fail(String method, String path, int status, String message) {
        return add(method, path, -1, status, message, Duration.ZERO);
    }

    /** Answers the next matching request with a Docker error; later ones are answered normally. */
    public Faults failNext(String method, String path, int status, String message) {
        return failNext(1, method, path, status, message);
    }

    /** Answers the next {@code times} matching requests with a Docker error. */
    public Faults failNext(int times, String method, String path, int status, String message) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        return add(method, path, times, status, message, Duration.ZERO);
    }

    /** Holds every matching request for {@code delay} before answering it normally. */
    public Faults delay(String method, String path, Duration delay) {
        return add(method, path, -1, 0, null, delay);
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    private Faults add(String method, String path, int times, int status, String message, Duration delay) {
        if (message != null && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("a fault's status must be an error status (4xx or 5xx), got " + status);
        }
        rules.add(new Rule(method.toUpperCase(Locale.ROOT), PathTemplate.parse(path), new AtomicInteger(times), status,
                message, Objects.requireNonNull(delay, "delay")));
        return this;
    }

    /** {@code inner} behind these faults. */
    Dispatcher around(Dispatcher inner) {
        return request -> {
            for (Rule rule : rules) {
                if (rule.matches(request) && rule.take()) {
                    pause(rule.delay());
                    if (rule.message() != null) {
                        return ApiResponse.error(rule.status(), rule.message());
                    }
                    break;
                }
            }
            return inner.dispatch(request);
        };
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Rule(String method, PathTemplate path, AtomicInteger remaining, int status, String message, Duration delay) {

        boolean matches(ApiRequest request) {
            return (method.equals("*") || method.equals(request.method())) && path.match(request.path()) != null;
        }

        /** Uses up one application; false once a counted rule is spent. */
        boolean take() {
            return remaining.get() < 0 || remaining.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
        }
    }
}
