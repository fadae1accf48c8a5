package dev.dockmock.faults;

import java.time.Duration;
import java.util.Objects;

/**
 * One request-level fault: which requests, how many times, and what happens to them.
 *
 * @param name a name for listings and removal; given one when empty
 * @param match the requests it applies to
 * @param times how many matching requests it applies to; {@link #EVERY} for all of them
 * @param action what happens to them
 * @param delay a wait before the action (or before the answer), {@link Duration#ZERO} for none
 */
public record FaultRule(String name, RequestMatch match, int times, FaultAction action, Duration delay) {
    public static final int EVERY = -1;

    public FaultRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(delay, "delay");
        if (times < EVERY || times == 0) {
            throw new IllegalArgumentException("times must be positive, or EVERY");
        }
    }

    /** Fails the next {@code times} matching requests with a Docker error. */
    public static FaultRule fail(RequestMatch match, int times, int status, String message) {
        return new FaultRule("", match, times, new FaultAction.Fail(status, message), Duration.ZERO);
    }

    /** Applies {@code fault} to the next {@code times} matching requests. */
    public static FaultRule transport(RequestMatch match, int times, dev.dockmock.protocol.TransportFault fault) {
        return new FaultRule("", match, times, new FaultAction.Transport(fault), Duration.ZERO);
    }

    public FaultRule named(String newName) {
        return new FaultRule(newName, match, times, action, delay);
    }

    public FaultRule delayed(Duration wait) {
        return new FaultRule(name, match, times, action, wait);
    }
}
