package dev.dockmock.engine.containers;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.EngineFaults.ContainerFault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Carries out the engine's container faults on running containers: exits and OOM kills at their
 * time after start, and flapping health. Every method is called with the engine's lock held.
 */
final class ContainerFaultRunner {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dockmock-container-faults");
        thread.setDaemon(true);
        return thread;
    });

    /** What the runner asks of the lifecycle when a fault fires. */
    interface Target {
        /** Ends the container's current run with {@code code}, as the OOM killer when {@code oom}. */
        void forceExit(Container container, int run, int code, boolean oom);
    }

    private final EngineContext context;
    private final Target target;
    private final Map<String, List<ScheduledFuture<?>>> scheduled = new HashMap<>();

    ContainerFaultRunner(EngineContext context, Target target) {
        this.context = context;
        this.target = target;
    }

    /**
     * Schedules the faults matching a container that has just started.
     *
     * @return true when a flapping-health fault stands in for its health monitor
     */
    boolean started(Container container) {
        cancel(container);
        boolean flapping = false;
        int run = container.exits();
        String image = container.spec().image();
        List<ScheduledFuture<?>> tasks = new ArrayList<>();
        for (ContainerFault fault : context.faults().forContainer(container.name(), image)) {
            if (fault instanceof ContainerFault.Exit exit) {
                tasks.add(at(container, exit.after(), () -> target.forceExit(container, run, exit.code(), false)));
            } else if (fault instanceof ContainerFault.OomKill oom) {
                tasks.add(at(container, oom.after(), () -> target.forceExit(container, run, 137, true)));
            } else if (fault instanceof ContainerFault.FlappingHealth flap) {
                flapping = true;
                long period = Math.max(1, flap.period().toNanos());
                container.health("starting");
                tasks.add(TIMER.scheduleAtFixedRate(() -> flip(container, run), period, period, TimeUnit.NANOSECONDS));
            }
        }
        scheduled.put(container.id(), tasks);
        return flapping;
    }

    /** Cancels what was scheduled for a container (it exited, or the faults changed). */
    void cancel(Container container) {
        List<ScheduledFuture<?>> tasks = scheduled.remove(container.id());
        if (tasks != null) {
            tasks.forEach(task -> task.cancel(false));
        }
    }

    private ScheduledFuture<?> at(Container container, Duration afterStart, Runnable action) {
        Instant due = container.startedAt().plus(afterStart);
        long delay = Math.max(0, Duration.between(context.clock().instant(), due).toNanos());
        return TIMER.schedule(() -> {
            synchronized (context.lock()) {
                action.run();
            }
        }, delay, TimeUnit.NANOSECONDS);
    }

    private void flip(Container container, int run) {
        synchronized (context.lock()) {
            if (!container.status().isUp() || container.exits() != run) {
                return;
            }
            container.health(container.health().equals("healthy") ? "unhealthy" : "healthy");
            new ContainerEvents(context.events()).publish(container, "health_status: " + container.health());
            context.changed();
        }
    }
}
