package dev.dockmock.junit;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.faults.FaultDispatcher;
import dev.dockmock.faults.FaultRule;
import dev.dockmock.faults.FaultRules;
import dev.dockmock.faults.RequestMatch;
import dev.dockmock.protocol.TransportFault;
import java.time.Duration;
import java.util.Objects;

/**
 * Faults a test switches on while it runs: Docker errors instead of answers, slow answers and
 * transport faults, for requests matching a method ({@code *} for any) and a path template
 * ({@code /containers/{id}/start}, without the {@code /v1.NN} prefix). Rules apply in the order
 * added; the first that matches (and has a use left) decides. The journal records the faulty
 * answers like any other.
 *
 * <p>A thin front on the core's fault rules ({@link dev.dockmock.faults}): {@link #rules()} gives
 * them whole, for what this class has no shortcut for ({@link RequestMatch} on query, body or
 * {@code User-Agent}; a delay before a fault).
 *
 * <pre>{@code
 * dockmock.faults().failNext("POST", "/containers/create", 500, "no space left on device");
 * dockmock.faults().delay("GET", "/containers/{id}/json", Duration.ofSeconds(2));
 * dockmock.faults().transportNext("GET", "/containers/{id}/logs", new TransportFault.CloseMidStream(Long.MAX_VALUE, Duration.ofSeconds(1)));
 * }</pre>
 */
public final class Faults {
    private final FaultRules rules = new FaultRules();

    Faults() {
    }

    /** Answers every matching request with a Docker error until {@link #clear()}. */
    public Faults fail(String method, String path, int status, String message) {
        return add(FaultRule.fail(match(method, path), FaultRule.EVERY, status, checked(status, message)));
    }

    /** Answers the next matching request with a Docker error; later ones are answered normally. */
    public Faults failNext(String method, String path, int status, String message) {
        return failNext(1, method, path, status, message);
    }

    /** Answers the next {@code times} matching requests with a Docker error. */
    public Faults failNext(int times, String method, String path, int status, String message) {
        return add(FaultRule.fail(match(method, path), positive(times), status, checked(status, message)));
    }

    /** Holds the answer to every matching request for {@code delay}; the answer itself is the usual one. */
    public Faults delay(String method, String path, Duration delay) {
        return add(FaultRule.transport(match(method, path), FaultRule.EVERY,
                new TransportFault.FixedDelay(Objects.requireNonNull(delay, "delay"))));
    }

    /** Applies a transport fault (reset, empty answer, stall, cut stream, ...) to every matching request. */
    public Faults transport(String method, String path, TransportFault fault) {
        return add(FaultRule.transport(match(method, path), FaultRule.EVERY, fault));
    }

    /** Applies a transport fault to the next matching request only. */
    public Faults transportNext(String method, String path, TransportFault fault) {
        return add(FaultRule.transport(match(method, path), 1, fault));
    }

    /** Adds a core fault rule as it is. */
    public Faults add(FaultRule rule) {
        rules.add(rule);
        return this;
    }

    /** The rules themselves, with their counts ({@link FaultRules#list()}). */
    public FaultRules rules() {
        return rules;
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    /** {@code inner} behind these faults. */
    Dispatcher around(Dispatcher inner) {
        return new FaultDispatcher(rules, inner);
    }

    private static RequestMatch match(String method, String path) {
        return RequestMatch.of(method.equals("*") ? null : method, path);
    }

    private static String checked(int status, String message) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a fault's status must be an error status (4xx or 5xx), got " + status);
        }
        return message;
    }

    private static int positive(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        return times;
    }
}
