package dev.dockmock.engine.containers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.process.Behaviour;
import dev.dockmock.engine.process.ProcessIo;
import dev.dockmock.engine.process.ProcessUsers;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private ScheduledFuture<?> task;
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
        List<String> test = ContainerSpec.strings(check.path("Test"));
        if (test.isEmpty() || test.get(0).equals("NONE")) {
            return Optional.empty();
        }
        HealthMonitor monitor = new HealthMonitor(context, containers, container, test, check.path("Retries").asInt(3) <= 0 ? 3
                : check.path("Retries").asInt(3));
        container.health("starting");
        monitor.timeoutNanos = Math.max(1_000_000L, context.timing()
                .scaled(Duration.ofNanos(nanos(check.path("Timeout").asLong(0), Duration.ofSeconds(30)))).toNanos());
        long interval = nanos(check.path("Interval").asLong(0), Duration.ofSeconds(30));
        long scaled = Math.max(1_000_000L, context.timing().scaled(Duration.ofNanos(interval)).toNanos());
        monitor.task = TIMER.scheduleWithFixedDelay(monitor::probe, scaled, scaled, TimeUnit.NANOSECONDS);
        return Optional.of(monitor);
    }

    private static long nanos(long value, Duration fallback) {
        return value > 0 ? value : fallback.toNanos();
    }

    void stop() {
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
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int code = run(argv, output);
        synchronized (context.lock()) {
            if (!container.status().isUp()) {
                return;
            }
            String before = container.health();
            if (code == 0) {
                failing = 0;
                container.health("healthy");
            } else if (++failing >= retries) {
                container.health("unhealthy");
            }
            container.probed(new HealthState.Probe(start, context.clock().instant(), code,
                    output.toString(java.nio.charset.StandardCharsets.UTF_8)), failing);
            if (!container.health().equals(before)) {
                events.publish(container, "health_status: " + container.health());
                context.changed();
            }
        }
    }

    /** Runs one probe, its stdout and stderr going to {@code output}; its exit code. */
    private int run(List<String> argv, ByteArrayOutputStream output) {
        Optional<Behaviour> behaviour = context.programs().resolve(container.spec().image(), argv);
        if (behaviour.isEmpty()) {
            return 1;
        }
        // a health check runs as an exec does: as the container's user, listed in its processes while it runs
        String user = container.spec().config().path("User").asText("");
        dev.dockmock.engine.process.ProcessFiles files;
        try {
            files = ProcessUsers.files(containers.processFiles(container), user);
        } catch (ProcessUsers.UnknownUser e) {
            return 126;
        }
        Map<String, String> env = RuntimeEnv.of(container.spec(), files.user().home());
        dev.dockmock.engine.process.ProcessList.Child process = container.processes().exec(argv, user);
        ProcessIo io = new ProcessIo() {
            public List<String> argv() {
                return argv;
            }

            public Map<String, String> env() {
                return env;
            }

            public String hostname() {
                return container.spec().hostname();
            }

            public String workingDir() {
                return container.spec().workingDir();
            }

            public InputStream stdin() {
                return InputStream.nullInputStream();
            }

            public synchronized void stdout(byte[] data) {
                output.writeBytes(data);
            }

            public synchronized void stderr(byte[] data) {
                output.writeBytes(data);
            }

            @Override
            public dev.dockmock.engine.process.ProcessNetwork network() {
                return Lifecycle.network(container, containers);
            }

            @Override
            public dev.dockmock.engine.process.ProcessFiles files() {
                return files;
            }

            @Override
            public dev.dockmock.engine.process.ProcessList processes() {
                return process.list();
            }
        };
        int[] code = {1};
        // on a thread of its own, so that a check that hangs (wget on a port that never answers)
        // fails after the check's Timeout, as dockerd ends it, instead of stalling every monitor
        Thread check = new Thread(() -> {
            try {
                code[0] = behaviour.get().run(io);
            } catch (InterruptedException | RuntimeException e) {
                code[0] = 1;
            }
        }, "dockmock-health-check-" + container.shortId());
        check.setDaemon(true);
        check.start();
        try {
            check.join(timeoutNanos / 1_000_000, (int) (timeoutNanos % 1_000_000));
            if (check.isAlive()) {
                check.interrupt();
                return 1;
            }
            return code[0];
        } catch (InterruptedException e) {
            check.interrupt();
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            process.close();
        }
    }
}
