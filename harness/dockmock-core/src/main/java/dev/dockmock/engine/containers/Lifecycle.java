package dev.dockmock.engine.containers;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.process.PortAnswer;
import dev.dockmock.engine.process.RunningProcess;
import dev.dockmock.engine.process.StdinPipe;
import dev.dockmock.protocol.DockerException;
import java.util.Map;
import java.util.Optional;

/**
 * Starts, signals, stops and removes containers, and reacts to their exits (events, auto-remove,
 * restart policies). Every method takes the engine's lock itself. Running the main process and
 * its exit ({@link Starting}), stopping and signals ({@link Stopping}), pausing ({@link Pausing})
 * and the daemon restart ({@link DaemonRestart}) live in classes of their own around the shared
 * {@link ProcessTable}.
 */
public final class Lifecycle {
    private final EngineContext context;
    private final Containers containers;
    private final ContainerEvents events;
    private final PortPublisher ports;
    private final ProcessTable table;
    private final Map<String, RunningProcess> processes;
    private final Map<String, StdinPipe> stdins;
    private final Stopping stopping;
    private final Pausing pausing;
    private final DaemonRestart daemonRestart;
    private final Removal removal;
    private final Starting starting;

    public Lifecycle(EngineContext context, Containers containers) {
        this.context = context;
        this.containers = containers;
        this.events = new ContainerEvents(context.events());
        this.ports = new PortPublisher(context);
        this.table = new ProcessTable(context);
        this.processes = table.processes;
        this.stdins = table.stdins;
        this.stopping = new Stopping(context, containers, events, table);
        this.pausing = new Pausing(context, containers, events);
        this.removal = new Removal(context, containers, events, table);
        this.starting = new Starting(context, containers, events, ports, table, removal,
                new ContainerFaultRunner(context, stopping::forceExit));
        this.daemonRestart = new DaemonRestart(context, containers, events, table, starting::run);
        context.faults().onContainerFault(starting::refreshFaults);
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
            starting.run(container);
            return true;
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
            starting.run(container);
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

    /** Pauses ({@code docker pause}). */
    public void pause(String idOrName) {
        pausing.pause(idOrName);
    }

    /** Unpauses ({@code docker unpause}). */
    public void unpause(String idOrName) {
        pausing.unpause(idOrName);
    }

    /** The terminal of a running container created with {@code Tty} and {@code OpenStdin}, if any. */
    public Optional<dev.dockmock.engine.process.Terminal> terminal(Container container) {
        synchronized (context.lock()) {
            return Optional.ofNullable(table.terminals.get(container.id()));
        }
    }

    /** The stdin of a running container opened with {@code OpenStdin}, if any. */
    public Optional<StdinPipe> stdin(Container container) {
        synchronized (context.lock()) {
            return Optional.ofNullable(stdins.get(container.id()));
        }
    }

    /**
     * What a process inside {@code container} can connect to: its own exposed ports and those of
     * the running containers on a network it shares ({@link ContainerNetworkView}).
     */
    public static dev.dockmock.engine.process.ProcessNetwork network(Container container, Containers containers) {
        return new ContainerNetworkView(containers, container);
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
