package dev.dockmock.engine.containers;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.process.Behaviour;
import dev.dockmock.engine.process.ContainerIo;
import dev.dockmock.engine.process.PortAnswer;
import dev.dockmock.engine.process.RunningProcess;
import dev.dockmock.engine.process.StdinPipe;
import dev.dockmock.protocol.DockerException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts, signals, stops and removes containers, and reacts to their exits (events, auto-remove,
 * restart policies). Every method takes the engine's lock itself. Stopping and signals
 * ({@link Stopping}), pausing ({@link Pausing}) and the daemon restart ({@link DaemonRestart}) live
 * in classes of their own around the shared {@link ProcessTable}.
 */
public final class Lifecycle {
    private final EngineContext context;
    private final Containers containers;
    private final ContainerEvents events;
    private final PortPublisher ports;
    private final ProcessTable table;
    private final Map<String, RunningProcess> processes;
    private final Map<String, StdinPipe> stdins;
    private final Map<String, HealthMonitor> monitors;
    private final Stopping stopping;
    private final Pausing pausing;
    private final DaemonRestart daemonRestart;
    private final Removal removal;
    private final ContainerFaultRunner faults;

    public Lifecycle(EngineContext context, Containers containers) {
        this.context = context;
        this.containers = containers;
        this.events = new ContainerEvents(context.events());
        this.ports = new PortPublisher(context);
        this.table = new ProcessTable(context);
        this.processes = table.processes;
        this.stdins = table.stdins;
        this.monitors = table.monitors;
        this.stopping = new Stopping(context, containers, events, table);
        this.pausing = new Pausing(context, containers, events);
        this.removal = new Removal(context, containers, events, table);
        this.daemonRestart = new DaemonRestart(context, containers, events, table, this::run);
        this.faults = new ContainerFaultRunner(context, stopping::forceExit);
        context.faults().onContainerFault(this::refreshFaults);
    }

    /**
     * Starts a container.
     *
     * @return false when it was already running (the API answers 304)
     */
    public boolean start(String idOrName) {
        synchronized (context.lock()) {
            Container container = containers.get(idOrName);
            if (container.status() == ContainerStatus.PAUSED) {
                throw new DockerException(409, "cannot start a paused container, try unpause instead");
            }
            if (container.status().isUp()) {
                return false;
            }
            if (container.status() == ContainerStatus.REMOVING || container.status() == ContainerStatus.DEAD) {
                throw new DockerException(409, "container " + container.id() + " is marked for removal and cannot be started");
            }
            NetworkAttachments.joinSwarmNetwork(context, container);
            run(container);
            return true;
        }
    }

    private void run(Container container) {
        List<String> argv = container.spec().argv();
        String imageName = container.spec().image();
        Optional<Behaviour> behaviour = argv.isEmpty() ? Optional.empty() : context.programs().resolve(imageName, argv);
        if (behaviour.isEmpty()) {
            String message = argv.isEmpty()
                    ? "failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: "
                            + "unable to start container process: error during container init: no command specified: unknown"
                    : "failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: "
                            + "unable to start container process: error during container init: exec: \"" + argv.get(0)
                            + "\": executable file not found in $PATH: unknown";
            container.failedToStart(127, message);
            if (container.spec().autoRemove()) {
                // dockerd cleans up a --rm container whose start failed, which ends `docker run`'s wait
                removeNow(container, true);
            }
            context.changed();
            throw new DockerException(400, message);
        }
        List<Container.PublishedPort> published = ports.publish(container, behaviour.get().portAnswer().forHost(container.spec().hostname()));
        NetworkAttachments.connectOnStart(context, container);
        containers.volumeUse().started(container);
        StdinPipe stdin = container.spec().openStdin() ? new StdinPipe(64 * 1024) : null;
        container.started(context.clock().instant(), table.nextPid(), published);
        container.log().open();
        ContainerIo io = new ContainerIo(argv, RuntimeEnv.of(container.spec()), container.spec().hostname(),
                container.spec().workingDir(), stdin == null ? ContainerIo.noStdin() : stdin, container.log(),
                container.spec().tty(), listening(container), containers.processFiles(container),
                container.startProcesses(argv, container.spec().config().path("User").asText("")).main());
        if (stdin != null) {
            stdins.put(container.id(), stdin);
        }
        events.publish(container, "start");
        processes.put(container.id(), RunningProcess.start(behaviour.get(), io, code -> exited(container, code),
                "dockmock-container-" + container.shortId()));
        if (!faults.started(container)) {
            HealthMonitor.start(context, container).ifPresent(m -> monitors.put(container.id(), m));
        }
        context.changed();
    }

    private void exited(Container container, int code) {
        synchronized (context.lock()) {
            processes.remove(container.id());
            faults.cancel(container);
            HealthMonitor monitor = monitors.remove(container.id());
            if (monitor != null) {
                monitor.stop();
            }
            StdinPipe stdin = stdins.remove(container.id());
            if (stdin != null) {
                stdin.close();
            }
            ports.release(container);
            long ran = Duration.between(container.startedAt(), context.clock().instant()).toSeconds();
            container.exited(context.clock().instant(), code, code == 137 && table.oomPending.remove(container.id()));
            container.log().close();
            events.publish(container, "die", Map.of("exitCode", String.valueOf(code), "execDuration", String.valueOf(ran)));
            NetworkAttachments.releaseOnExit(context, container);
            containers.volumeUse().stopped(container);
            if (container.spec().autoRemove()) {
                removeNow(container, true);
            } else if (!table.daemonStopping && RestartPolicy.shouldRestart(container)) {
                container.status(ContainerStatus.RESTARTING);
                RestartPolicy.schedule(context, container, () -> restartAfterExit(container));
            }
            context.changed();
        }
    }

    private void restartAfterExit(Container container) {
        synchronized (context.lock()) {
            if (containers.find(container.id()).isEmpty() || container.status() != ContainerStatus.RESTARTING
                    || container.stoppedByUser()) {
                return;
            }
            container.countRestart();
            try {
                run(container);
            } catch (DockerException e) {
                // it stays exited, as dockerd leaves a container whose restart failed
            }
        }
    }

    /**
     * Which ports listen inside a container: its exposed tcp ports while it runs (the simulated
     * process stands for whatever serves them).
     */
    public static java.util.function.IntPredicate listening(Container container) {
        return port -> container.status().isUp() && container.spec().exposedPorts().contains(port + "/tcp");
    }

    /**
     * Sends a signal ({@code docker kill}).
     *
     * @throws DockerException 409 when it is not running, 400 for an unknown signal
     */
    public void kill(String idOrName, String signalName) {
        stopping.kill(idOrName, signalName);
    }

    /**
     * Stops a container: its stop signal, a (scaled) grace period, then SIGKILL.
     *
     * @return false when it was not running (the API answers 304)
     */
    public boolean stop(String idOrName, Integer timeoutSeconds, String signalName) throws InterruptedException {
        return stopping.stop(idOrName, timeoutSeconds, signalName);
    }

    /** Restarts: stop (if running), then start, then a {@code restart} event. */
    public void restart(String idOrName, Integer timeoutSeconds, String signalName) throws InterruptedException {
        stop(idOrName, timeoutSeconds, signalName);
        synchronized (context.lock()) {
            Container container = containers.get(idOrName);
            run(container);
            events.publish(container, "restart");
        }
    }

    /**
     * Removes a container ({@code docker rm}).
     *
     * @throws DockerException 409 when it runs and {@code force} is off
     */
    public void remove(String idOrName, boolean force) throws InterruptedException {
        remove(idOrName, force, false);
    }

    /**
     * Removes a container ({@code docker rm}), and its anonymous volumes with {@code removeVolumes} ({@code rm -v}).
     *
     * @throws DockerException 409 when it runs and {@code force} is off
     */
    public void remove(String idOrName, boolean force, boolean removeVolumes) throws InterruptedException {
        removal.remove(idOrName, force, removeVolumes);
    }

    private void removeNow(Container container, boolean removeVolumes) {
        removal.removeNow(container, removeVolumes);
    }

    /** Pauses ({@code docker pause}). */
    public void pause(String idOrName) {
        pausing.pause(idOrName);
    }

    /** Unpauses ({@code docker unpause}). */
    public void unpause(String idOrName) {
        pausing.unpause(idOrName);
    }

    /** The stdin of a running container opened with {@code OpenStdin}, if any. */
    public Optional<StdinPipe> stdin(Container container) {
        synchronized (context.lock()) {
            return Optional.ofNullable(stdins.get(container.id()));
        }
    }

    /** What a connection to a port of the container gets while its process runs ({@code PortAnswer}); empty when it does not run. */
    public Optional<PortAnswer> portAnswer(String containerId) {
        synchronized (context.lock()) {
            RunningProcess process = processes.get(containerId);
            Optional<Container> container = containers.find(containerId);
            return process == null || container.isEmpty() ? Optional.empty()
                    : Optional.of(process.behaviour().portAnswer().forHost(container.get().spec().hostname()));
        }
    }

    /** Ends a running container as the OOM killer would: exit 137, {@code OOMKilled}, an {@code oom} event before {@code die}. */
    public void oomKill(String idOrName) {
        stopping.oomKill(idOrName);
    }

    public Containers containers() {
        return containers;
    }

    private void refreshFaults() {
        synchronized (context.lock()) {
            for (Container container : containers.all()) {
                if (!processes.containsKey(container.id())) {
                    continue;
                }
                // a flapping-health fault and the health monitor must not both set the health
                boolean flapping = faults.started(container);
                HealthMonitor monitor = monitors.get(container.id());
                if (flapping && monitor != null) {
                    monitors.remove(container.id()).stop();
                } else if (!flapping && monitor == null) {
                    HealthMonitor.start(context, container).ifPresent(m -> monitors.put(container.id(), m));
                }
            }
        }
    }

    /**
     * A daemon restart, for its containers: every running container is stopped as dockerd stops
     * them on shutdown (SIGTERM, SIGKILL for those that ignore it), then those whose restart
     * policy is {@code always} or {@code unless-stopped} are started again.
     */
    public void daemonRestart() throws InterruptedException {
        daemonRestart.restart();
    }

    /** Ends every process at once (engine shutdown). */
    public void shutdown() {
        synchronized (context.lock()) {
            processes.values().forEach(p -> p.terminate(137));
            ports.releaseAll();
        }
    }
}
