package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code --init}: dockerd runs {@code /sbin/docker-init -- CMD...} (tini) as PID 1 and the command
 * as its child. The child is not PID 1, so the kernel's default actions apply to it: a shell or
 * plain program that ignores SIGTERM as PID 1 dies of it under init, and init exits 128 + the
 * signal, as tini reports a child killed by a signal.
 */
public final class InitProcess {
    /** Where dockerd mounts its init binary in the container. */
    public static final String PATH = "/sbin/docker-init";

    /** Signals whose default action ends a process (core dumps included). */
    private static final Set<Integer> FATAL_BY_DEFAULT = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 24, 25, 26,
            27, 29, 30, 31);

    private InitProcess() {
    }

    /** The argument vector of PID 1 under init. */
    public static List<String> argv(List<String> command) {
        List<String> argv = new ArrayList<>(List.of(PATH, "--"));
        argv.addAll(command);
        return argv;
    }

    /** {@code behaviour} as init's child: its own signal handling first, then the kernel's defaults. */
    public static Behaviour child(Behaviour behaviour) {
        return new Behaviour() {
            @Override
            public int run(ProcessIo io) throws InterruptedException {
                return behaviour.run(io);
            }

            @Override
            public int exitCodeOnSignal(int signal) {
                int handled = behaviour.exitCodeOnSignal(signal);
                if (handled >= 0) {
                    return handled;
                }
                return FATAL_BY_DEFAULT.contains(signal) ? 128 + signal : -1;
            }

            @Override
            public PortAnswer portAnswer() {
                return behaviour.portAnswer();
            }
        };
    }
}
