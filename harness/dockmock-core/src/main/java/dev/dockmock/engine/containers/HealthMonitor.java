package dev.dockmock.engine.containers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineContext;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a container's health check as dockerd does: {@code starting}, then a probe every interval
 * (scaled by the engine's timing), {@code healthy} on success and {@code unhealthy} after
 * {@code Retries} failures in a row, with a {@code health_status} event at each change.
 */
final class HealthMonitor {
    private static final ScheduledExecutorService TIMER = Executors.newScheduledThreadPool(1, r -> {
        Thread thread = new Thread(r, "dockmock-health");
        thread.setDaemon(true);
        return thread;
    });

    private final EngineContext context;
    private final Container container;
    private final Containers containers;
    private final ContainerEvents events;
    private final List<String> test;
    private final int retries;
    private long timeoutNanos;
    private long intervalNanos;
    private long startIntervalNanos;
    private long startPeriodEnds;
    private ScheduledFuture<?> task;
    private boolean stopped;
    private int failing;

    private HealthMonitor(EngineContext context, Containers containers, Container container, List<String> test, int retries) {
        this.context = context;
        this.containers = containers;
        this.container = container;
        this.events = new ContainerEvents(context.events());
        this.test = test;
        this.retries = retries;
    }

    /** Starts monitoring when the container has a health check; call with the engine's lock held. */
    static Optional<HealthMonitor> start(EngineContext context, Containers containers, Container container) {
        JsonNode check = container.spec().config().path("Healthcheck");
        List<String> test = ConfigValues.strings(check.path("Test"));
        if (test.isEmpty() || test.get(0).equals("NONE")) {
            return Optional.empty();
        }
        HealthMonitor monitor = new HealthMonitor(context, containers, container, test, check.path("Retries").asInt(3) <= 0 ? 3
                : check.path("Retries").asInt(3));
        container.health("starting");
        monitor.timeoutNanos = Math.max(1_000_000L, context.timing()
                .scaled(Duration.ofNanos(nanos(check.path("Timeout").asLong(0), Duration.ofSeconds(30)))).toNanos());
        monitor.intervalNanos = scaled(context, nanos(check.path("Interval").asLong(0), Duration.ofSeconds(30)));
        monitor.startIntervalNanos = scaled(context, nanos(check.path("StartInterval").asLong(0), Duration.ofSeconds(5)));
        long startPeriod = check.path("StartPeriod").asLong(0);
        monitor.startPeriodEnds = System.nanoTime() + (startPeriod > 0 ? scaled(context, startPeriod) : 0);
        monitor.schedule();
        return Optional.of(monitor);
    }

    private static long nanos(long value, Duration fallback) {
        return value > 0 ? value : fallback.toNanos();
    }

    private static long scaled(EngineContext context, long nanos) {
        return Math.max(1_000_000L, context.timing().scaled(Duration.ofNanos(nanos)).toNanos());
    }

    /**
     * Schedules the next probe: after {@code StartInterval} (5 s by default) while the container
     * is still {@code starting} within its {@code StartPeriod}, after {@code Interval} otherwise,
     * as dockerd 25 and later do.
     */
    private void schedule() {
        boolean inStartPeriod = System.nanoTime() - startPeriodEnds < 0;
        long delay;
        synchronized (context.lock()) {
            delay = inStartPeriod && container.health().equals("starting") ? startIntervalNanos : intervalNanos;
        }
        // not under the engine's lock: stop() is called with it held and takes this one
        synchronized (this) {
            if (!stopped) {
                task = TIMER.schedule(this::probeAndReschedule, delay, TimeUnit.NANOSECONDS);
            }
        }
    }

    private void probeAndReschedule() {
        try {
            probe();
        } finally {
            schedule();
        }
    }

    synchronized void stop() {
        stopped = true;
        if (task != null) {
            task.cancel(true);
        }
    }

    private void probe() {
        List<String> argv = new ArrayList<>();
        if (test.get(0).equals("CMD-SHELL")) {
            argv.addAll(List.of("/bin/sh", "-c", String.join(" ", test.subList(1, test.size()))));
        } else {
            argv.addAll(test.subList(test.get(0).equals("CMD") ? 1 : 0, test.size()));
        }
        java.time.Instant start = context.clock().instant();
        boolean afterStartPeriod = System.nanoTime() - startPeriodEnds >= 0;
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int code = HealthCheckRun.run(context, containers, container, argv, timeoutNanos, output);
        synchronized (context.lock()) {
            if (!container.status().isUp()) {
                return;
            }
            String before = container.health();
            if (code == 0) {
                failing = 0;
                container.health("healthy");
            } else if (!before.equals("starting") || afterStartPeriod) {
                // a failure within the start period does not count while no probe has passed yet
                if (++failing >= retries) {
                    container.health("unhealthy");
                }
            }
            container.probed(new HealthState.Probe(start, context.clock().instant(), code,
                    output.toString(java.nio.charset.StandardCharsets.UTF_8)), failing);
            if (!container.health().equals(before)) {
                events.publish(container, "health_status: " + container.health());
                context.changed();
            }
        }
    }
}
