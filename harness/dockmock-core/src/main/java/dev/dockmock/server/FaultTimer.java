package dev.dockmock.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The one timer thread that timed transport faults (cuts after a while) share. */
final class FaultTimer {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(Threads.daemon("dockmock-fault-"));

    private FaultTimer() {
    }

    static ScheduledFuture<?> schedule(Runnable task, Duration after) {
        return TIMER.schedule(task, Math.max(0, after.toNanos()), TimeUnit.NANOSECONDS);
    }
}
