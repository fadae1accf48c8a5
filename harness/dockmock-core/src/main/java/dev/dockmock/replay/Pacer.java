package dev.dockmock.replay;

/** Waits until a recorded moment comes round again, as the pace says. */
final class Pacer {
    private final Pace pace;
    private final Ticker ticker;

    Pacer(Pace pace, Ticker ticker) {
        this.pace = pace;
        this.ticker = ticker;
    }

    long now() {
        return ticker.nanoTime();
    }

    /** Waits until {@code atMillis} (recorded, from the request's arrival) after {@code originNanos}. */
    void await(long originNanos, long atMillis) throws InterruptedException {
        if (pace instanceof Pace.Instant) {
            return;
        }
        long remaining = originNanos + pace.delayNanos(atMillis) - ticker.nanoTime();
        if (remaining > 0) {
            ticker.sleepNanos(remaining);
        }
    }
}
