package dev.dockmock.engine.containers;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.process.RunningProcess;
import dev.dockmock.engine.process.Signals;
import dev.dockmock.protocol.DockerException;
import java.time.Duration;
import java.util.Map;

/** Signals that end containers: {@code docker kill}, {@code docker stop}, and the OOM killer. */
final class Stopping {
    private final EngineContext context;
    private final Containers containers;
    private final ContainerEvents events;
    private final ProcessTable table;

    Stopping(EngineContext context, Containers containers, ContainerEvents events, ProcessTable table) {
        this.context = context;
        this.containers = containers;
        this.events = events;
        this.table = table;
    }

    void kill(String idOrName, String signalName) {
        int signal;
        try {
            signal = signalName == null || signalName.isEmpty() ? Signals.SIGKILL : Signals.parse(signalName);
        } catch (IllegalArgumentException e) {
            throw new DockerException(400, e.getMessage());
        }
        synchronized (context.lock()) {
            Container container = containers.get(idOrName);
            if (!container.status().isUp()) {
                throw new DockerException(409, "cannot kill container: " + idOrName + ": container "
                        + container.id() + " is not running");
            }
            if (signal == Signals.SIGKILL || signal == Signals.SIGTERM) {
                container.markStoppedByUser();
            }
            events.publish(container, "kill", Map.of("signal", String.valueOf(signal)));
            RunningProcess process = table.processes.get(container.id());
            if (process != null) {
                process.signal(signal);
            }
        }
    }

    boolean stop(String idOrName, Integer timeoutSeconds, String signalName) throws InterruptedException {
        Container container;
        RunningProcess process;
        synchronized (context.lock()) {
            container = containers.get(idOrName);
            if (!container.status().isUp()) {
                return false;
            }
            container.markStoppedByUser();
            if (container.status() == ContainerStatus.RESTARTING) {
                // stopping a container between restarts cancels the restart, as dockerd does
                container.status(ContainerStatus.EXITED);
                events.publish(container, "stop");
                context.changed();
                return true;
            }
            process = table.processes.get(container.id());
            String name = signalName != null && !signalName.isEmpty() ? signalName : container.spec().stopSignal();
            int signal = name == null || name.isEmpty() ? Signals.SIGTERM : Signals.parse(name);
            events.publish(container, "kill", Map.of("signal", String.valueOf(signal)));
            if (process != null) {
                process.signal(signal);
            }
        }
        int seconds = timeoutSeconds != null ? timeoutSeconds : container.spec().config().path("StopTimeout").asInt(10);
        if (!table.awaitDown(container, seconds < 0 ? Duration.ofDays(1) : context.timing().scaled(Duration.ofSeconds(seconds)))) {
            synchronized (context.lock()) {
                events.publish(container, "kill", Map.of("signal", String.valueOf(Signals.SIGKILL)));
                if (process != null) {
                    process.signal(Signals.SIGKILL);
                }
            }
            table.awaitDown(container, Duration.ofSeconds(30));
        }
        synchronized (context.lock()) {
            events.publish(container, "stop");
        }
        return true;
    }

    void oomKill(String idOrName) {
        synchronized (context.lock()) {
            Container container = containers.get(idOrName);
            RunningProcess process = table.processes.get(container.id());
            if (process == null) {
                throw new DockerException(409, "container " + container.id() + " is not running");
            }
            table.oomPending.add(container.id());
            events.publish(container, "oom");
            process.terminate(137);
        }
    }

    /** Ends a run of a container because a fault says so; nothing happens when that run is over. */
    void forceExit(Container container, int run, int code, boolean oom) {
        RunningProcess process = table.processes.get(container.id());
        if (process == null || container.exits() != run || !container.status().isUp()) {
            return;
        }
        if (oom) {
            table.oomPending.add(container.id());
            events.publish(container, "oom");
        }
        process.terminate(code);
    }
}
