package dev.dockmock.engine.containers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.process.Behaviour;
import dev.dockmock.engine.process.ContainerIo;
import dev.dockmock.engine.process.InitProcess;
import dev.dockmock.engine.process.PortAnswer;
import dev.dockmock.engine.process.ProcessFiles;
import dev.dockmock.engine.process.ProcessUsers;
import dev.dockmock.engine.process.RunningProcess;
import dev.dockmock.engine.process.StdinPipe;
import dev.dockmock.engine.process.Terminal;
import dev.dockmock.engine.process.TerminalFeed;
import dev.dockmock.protocol.DockerException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Running a container's main process, for {@link Lifecycle}: resolving its command (or failing as
 * runc does), publishing ports, connecting networks, mounting volumes, starting health checks and
 * faults; and reacting to its exit (the {@code die} event, auto-remove, the restart policy).
 * Called with the engine's lock held, except the exit and the scheduled restart, which take it.
 */
final class Starting {
    private final EngineContext context;
    private final Containers containers;
    private final ContainerEvents events;
    private final PortPublisher ports;
    private final ProcessTable table;
    private final Removal removal;
    private final ContainerFaultRunner faults;

    Starting(EngineContext context, Containers containers, ContainerEvents events, PortPublisher ports, ProcessTable table,
            Removal removal, ContainerFaultRunner faults) {
        this.context = context;
        this.containers = containers;
        this.events = events;
        this.ports = ports;
        this.table = table;
        this.removal = removal;
        this.faults = faults;
    }

    void run(Container container) {
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
            throw failedToStart(container, 127, new DockerException(400, message));
        }
        ProcessFiles files;
        try {
            files = ProcessUsers.files(containers.processFiles(container), container.spec().config().path("User").asText(""));
        } catch (ProcessUsers.UnknownUser e) {
            throw failedToStart(container, 128, new DockerException(500, e.getMessage()));
        }
        PortAnswer answer = behaviour.get().portAnswer().forHost(container.spec().hostname());
        List<Container.PublishedPort> published = ports.publish(container, answer);
        NetworkAttachments.connectOnStart(context, container);
        try {
            containers.volumeUse().started(container);
        } catch (DockerException mountFailed) {
            ports.release(container);
            NetworkAttachments.releaseOnExit(context, container);
            throw failedToStart(container, 128, mountFailed);
        }
        StdinPipe stdin = container.spec().openStdin() ? new StdinPipe(64 * 1024) : null;
        container.started(context.clock().instant(), table.nextPid(), published, answer);
        container.log().open();
        boolean init = container.spec().hostConfig().path("Init").asBoolean(false);
        // with Tty but no OpenStdin the process still has its terminal, which no one types into
        // (dockerd 20.10: `docker run -dt alpine sh` keeps running, its shell waiting at the prompt)
        Terminal terminal = container.spec().tty() ? terminal(container, stdin) : null;
        AtomicReference<RunningProcess> running = new AtomicReference<>();
        if (terminal != null) {
            // as the kernel's: a typed ^C goes to the foreground, here PID 1 unless a shell runs a command
            terminal.foreground(signal -> {
                RunningProcess process = running.get();
                if (process != null) {
                    process.signal(signal);
                }
            });
        }
        ContainerIo io = new ContainerIo(argv, RuntimeEnv.of(container.spec(), files.user().home()), container.spec().hostname(),
                container.spec().workingDir(), terminal != null ? terminal.input() : stdin == null ? ContainerIo.noStdin() : stdin,
                container.log(), container.spec().tty(), terminal, Lifecycle.network(container, containers), files,
                container.startProcesses(argv, container.spec().config().path("User").asText(""), init).main());
        if (stdin != null) {
            table.stdins.put(container.id(), stdin);
        }
        events.publish(container, "start");
        Behaviour main = init ? InitProcess.child(behaviour.get()) : behaviour.get();
        running.set(RunningProcess.start(main, io, code -> exited(container, code), "dockmock-container-" + container.shortId()));
        table.processes.put(container.id(), running.get());
        if (!faults.started(container)) {
            HealthMonitor.start(context, containers, container).ifPresent(m -> table.monitors.put(container.id(), m));
        }
        context.changed();
    }

    /** The container's terminal, fed from its stdin pipe (if it has one) and sized as the client's ({@code ConsoleSize}). */
    private Terminal terminal(Container container, StdinPipe stdin) {
        Terminal terminal = new Terminal(data -> container.log().append(1, data));
        JsonNode size = container.spec().hostConfig().path("ConsoleSize");
        terminal.resize(size.path(0).asInt(0), size.path(1).asInt(0));
        if (stdin != null) {
            TerminalFeed.start(stdin, terminal, "dockmock-tty-" + container.shortId());
        }
        table.terminals.put(container.id(), terminal);
        return terminal;
    }

    /** Records a start that failed with {@code error} and returns it; a {@code --rm} container goes, as with dockerd. */
    private DockerException failedToStart(Container container, int code, DockerException error) {
        container.failedToStart(code, error.getMessage());
        if (container.spec().autoRemove()) {
            // dockerd cleans up a --rm container whose start failed, which ends `docker run`'s wait
            removal.removeNow(container, true);
        }
        context.changed();
        return error;
    }

    private void exited(Container container, int code) {
        synchronized (context.lock()) {
            table.processes.remove(container.id());
            faults.cancel(container);
            HealthMonitor monitor = table.monitors.remove(container.id());
            if (monitor != null) {
                monitor.stop();
            }
            table.terminals.remove(container.id());
            StdinPipe stdin = table.stdins.remove(container.id());
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
                removal.removeNow(container, true);
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

    void refreshFaults() {
        synchronized (context.lock()) {
            for (Container container : containers.all()) {
                if (!table.processes.containsKey(container.id())) {
                    continue;
                }
                // a flapping-health fault and the health monitor must not both set the health
                boolean flapping = faults.started(container);
                HealthMonitor monitor = table.monitors.get(container.id());
                if (flapping && monitor != null) {
                    table.monitors.remove(container.id()).stop();
                } else if (!flapping && monitor == null) {
                    HealthMonitor.start(context, containers, container).ifPresent(m -> table.monitors.put(container.id(), m));
                }
            }
        }
    }
}
