package dev.dockmock.engine.containers;

import dev.dockmock.engine.EngineContext;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** dockerd's restart policies: whether an exited container comes back, and after how long. */
final class RestartPolicy {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dockmock-restarts");
        thread.setDaemon(true);
        return thread;
    });

    private RestartPolicy() {
    }

    static boolean shouldRestart(Container container) {
        if (container.stoppedByUser()) {
            return false;
        }
        return switch (container.spec().restartPolicy()) {
            case "always", "unless-stopped" -> true;
            case "on-failure" -> container.exitCode() != 0
                    && (container.spec().maxRetries() == 0 || container.restartCount() < container.spec().maxRetries());
            default -> false;
        };
    }

    /**
     * Restarts after dockerd's back-off: 100 ms, doubling with each restart up to a minute (and
     * back to 100 ms after a run of 10 s or more), scaled by the engine's timing.
     */
    static void schedule(EngineContext context, Container container, Runnable restart) {
        boolean ranLong = container.startedAt() != null && container.finishedAt() != null
                && Duration.between(container.startedAt(), container.finishedAt()).toSeconds() >= 10;
        int doublings = ranLong ? 0 : Math.min(container.restartCount(), 10);
        Duration real = Duration.ofMillis(Math.min(100L << doublings, 60_000L));
        Duration delay = context.timing().scaled(real);
        TIMER.schedule(restart, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
    }
}
