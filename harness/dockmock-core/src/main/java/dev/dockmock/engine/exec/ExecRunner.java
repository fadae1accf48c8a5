package dev.dockmock.engine.exec;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.containers.Container;
import dev.dockmock.engine.containers.Containers;
import dev.dockmock.engine.process.Behaviour;
import dev.dockmock.engine.process.ContainerProcesses;
import dev.dockmock.engine.process.ProcessFiles;
import dev.dockmock.engine.process.ProcessList;
import dev.dockmock.engine.process.ProcessUsers;
import dev.dockmock.engine.process.RunningProcess;
import dev.dockmock.engine.process.Signals;
import dev.dockmock.engine.process.StdinPipe;
import dev.dockmock.engine.process.Terminal;
import dev.dockmock.engine.process.TerminalFeed;
import dev.dockmock.protocol.HijackedStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** Runs exec instances: resolves their command, wires their streams, records their exit. */
final class ExecRunner {
    private final EngineContext context;
    private final Containers containers;
    private int nextPid = 5000;

    ExecRunner(EngineContext context, Containers containers) {
        this.context = context;
        this.containers = containers;
    }

    /**
     * Runs attached to a client: output to its stream, its stdin to the process, until the process ends.
     *
     * @param raw the stream carries output unframed (the start asked for {@code Tty})
     */
    void runAttached(ExecInstance exec, HijackedStream session, boolean raw) throws InterruptedException {
        StdinPipe stdin = exec.attachStdin() ? new StdinPipe(64 * 1024) : null;
        if (stdin != null) {
            copyStdin(session.input(), stdin);
        }
        CountDownLatch done = new CountDownLatch(1);
        start(exec, session.output(), stdin, raw, done);
        done.await();
    }

    void start(ExecInstance exec, OutputStream out, StdinPipe stdin, boolean raw) {
        start(exec, out, stdin, raw, new CountDownLatch(1));
    }

    private void start(ExecInstance exec, OutputStream out, StdinPipe stdin, boolean raw, CountDownLatch done) {
        Container container;
        Optional<Behaviour> behaviour;
        ContainerProcesses processes;
        synchronized (context.lock()) {
            container = containers.get(exec.containerId());
            processes = container.processes();
            behaviour = context.programs().resolve(container.spec().image(), exec.argv());
            exec.markStarted(nextPid++);
            event(container, exec, "exec_start: " + String.join(" ", exec.argv()), Map.of());
            context.changed();
        }
        if (behaviour.isEmpty()) {
            String message = "OCI runtime exec failed: exec failed: unable to start container process: exec: \""
                    + exec.argv().get(0) + "\": executable file not found in $PATH: unknown\r\n";
            new ExecIo(exec.argv(), exec.env(), container.spec().hostname(), exec.workingDir(), InputStream.nullInputStream(),
                    out, exec.tty(), raw, true, true, dev.dockmock.engine.process.ProcessNetwork.NONE, ProcessFiles.NONE,
                    ProcessList.alone(exec.argv())).stdout(message.getBytes(StandardCharsets.UTF_8));
            exited(container, exec, 127, done);
            return;
        }
        String user = exec.user().isEmpty() ? container.spec().config().path("User").asText("") : exec.user();
        ProcessFiles files;
        try {
            files = ProcessUsers.files(containers.processFiles(container), user);
        } catch (ProcessUsers.UnknownUser e) {
            // dockerd 20.10 writes runc's complaint to the exec's stdout and ends it with 126
            new ExecIo(exec.argv(), exec.env(), container.spec().hostname(), exec.workingDir(), InputStream.nullInputStream(),
                    out, exec.tty(), raw, true, true, dev.dockmock.engine.process.ProcessNetwork.NONE, ProcessFiles.NONE,
                    ProcessList.alone(exec.argv())).stdout((e.getMessage() + "\r\n").getBytes(StandardCharsets.UTF_8));
            exited(container, exec, 126, done);
            return;
        }
        Map<String, String> env = new LinkedHashMap<>(exec.env());
        env.putIfAbsent("HOME", files.user().home());
        ProcessList.Child process = processes.exec(exec.argv(), user);
        Terminal terminal = exec.tty() ? terminal(exec, out, raw, stdin) : null;
        AtomicReference<RunningProcess> running = new AtomicReference<>();
        if (terminal != null) {
            // an exec'd process is not PID 1: a typed ^C or ^\ ends it as the kernel's default action does
            terminal.foreground(signal -> {
                RunningProcess target = running.get();
                if (target != null && (signal == Signals.SIGINT || signal == Signals.SIGQUIT)) {
                    target.terminate(128 + signal);
                }
            });
        }
        ExecIo io = new ExecIo(exec.argv(), env, container.spec().hostname(), exec.workingDir(),
                terminal != null ? terminal.input() : stdin == null ? InputStream.nullInputStream() : stdin, out, exec.tty(), raw,
                exec.attachStdout(), exec.attachStderr(), dev.dockmock.engine.containers.Lifecycle.network(container, containers),
                files, process.list(), terminal);
        running.set(RunningProcess.start(behaviour.get(), io, code -> {
            process.close();
            exited(container, exec, code, done);
        }, "dockmock-exec-" + exec.id().substring(0, 12)));
    }

    /**
     * The exec's terminal: what is typed reaches it through {@code stdin} (none without AttachStdin:
     * then nothing is ever typed, as with {@code docker exec -t}), its screen is the client's stream.
     */
    private static Terminal terminal(ExecInstance exec, OutputStream out, boolean raw, StdinPipe stdin) {
        Terminal terminal = new Terminal(bytes -> {
            // stdout and stderr share the terminal, as they share the pty: either attached shows it
            if (out != null && (exec.attachStdout() || exec.attachStderr())) {
                ExecIo.send(out, 1, bytes, raw);
            }
        });
        exec.terminal(terminal);
        if (stdin != null) {
            TerminalFeed.start(stdin, terminal, "dockmock-exec-tty-" + exec.id().substring(0, 12));
        }
        return terminal;
    }

    private void exited(Container container, ExecInstance exec, int code, CountDownLatch done) {
        synchronized (context.lock()) {
            exec.markExited(code);
            event(container, exec, "exec_die", Map.of("exitCode", String.valueOf(code)));
            context.changed();
        }
        done.countDown();
    }

    void event(Container container, ExecInstance exec, String action, Map<String, String> extra) {
        Map<String, String> attributes = new LinkedHashMap<>(container.spec().labels());
        attributes.put("execID", exec.id());
        attributes.put("image", container.spec().image());
        attributes.put("name", container.name());
        attributes.putAll(extra);
        context.events().publish("container", action, container.id(), attributes);
    }

    private static void copyStdin(InputStream from, StdinPipe to) {
        Thread copier = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = from.read(buffer)) >= 0) {
                    to.write(buffer, 0, n);
                }
            } catch (IOException | InterruptedException e) {
                // the client went away
            } finally {
                to.close();
            }
        }, "dockmock-exec-stdin");
        copier.setDaemon(true);
        copier.start();
    }
}
