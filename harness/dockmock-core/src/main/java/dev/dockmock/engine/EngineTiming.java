package dev.dockmock.engine;

import java.time.Duration;

/**
 * How long simulated things take. A fake is worth having only if it is fast, so waits that a
 * real daemon spends in seconds (a container ignoring SIGTERM until the stop timeout, a health
 * check interval) are scaled down by {@code scale}; their outcome stays as dockerd's.
 *
 * @param scale factor applied to simulated waits (0.01 makes a 10 s stop timeout 100 ms)
 * @param pullStep pause between pull progress messages
 */
public record EngineTiming(double scale, Duration pullStep) {

    public EngineTiming {
        if (scale < 0) {
            throw new IllegalArgumentException("timing scale must not be negative");
        }
    }

    /** Waits a hundred times shorter than dockerd's; pulls stream quickly. */
    public static EngineTiming fast() {
        return new EngineTiming(0.01, Duration.ofMillis(2));
    }

    /** Real-time waits, for recordings that must look like a daemon's. */
    public static EngineTiming realTime() {
        return new EngineTiming(1.0, Duration.ofMillis(50));
    }

    /** A simulated wait, scaled. */
    public Duration scaled(Duration real) {
        return Duration.ofNanos((long) (real.toNanos() * scale));
    }
}
