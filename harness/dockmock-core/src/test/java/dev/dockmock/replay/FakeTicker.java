package dev.dockmock.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Time that moves only when the replay sleeps, so pacing is checked without waiting. */
final class FakeTicker implements Ticker {
    private long now = TimeUnit.SECONDS.toNanos(1000);
    private final List<Long> sleeps = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleepNanos(long nanos) {
        sleeps.add(TimeUnit.NANOSECONDS.toMillis(nanos));
        now += nanos;
    }

    synchronized long millis() {
        return TimeUnit.NANOSECONDS.toMillis(now - TimeUnit.SECONDS.toNanos(1000));
    }

    synchronized List<Long> sleeps() {
        return List.copyOf(sleeps);
    }
}
