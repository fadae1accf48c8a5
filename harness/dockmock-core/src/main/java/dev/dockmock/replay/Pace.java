package dev.dockmock.replay;

import java.util.concurrent.TimeUnit;

/** How fast a replay goes. */
public sealed interface Pace {

    /** No waiting: every answer, chunk and output event as soon as it may go. */
    record Instant() implements Pace {
    }

    /**
     * The recorded timing with every gap multiplied by {@code factor}: 1 is as recorded, 0.5 twice
     * as fast, 2 twice as slow. Gaps are the answer's latency, each chunk's offset and each output
     * event's offset, all counted from the request's arrival.
     */
    record Scaled(double factor) implements Pace {
        public Scaled {
            if (!(factor >= 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("pace factor must be a finite number >= 0, got " + factor);
            }
        }
    }

    static Pace instant() {
        return new Instant();
    }

    static Pace recorded() {
        return new Scaled(1.0);
    }

    static Pace scaled(double factor) {
        return new Scaled(factor);
    }

    /** How long after the request's arrival something recorded {@code millis} after it should happen. */
    default long delayNanos(long millis) {
        if (this instanceof Scaled scaled) {
            return (long) (TimeUnit.MILLISECONDS.toNanos(millis) * scaled.factor());
        }
        return 0;
    }
}
