package dev.dockmock.engine.process;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The typed signals of a non-interactive shell ({@code sh -c}) that has a terminal: a ^C or ^\
 * ends the command in the foreground and with it the shell.
 */
final class CommandStringSignals {

    private CommandStringSignals() {
    }

    /** A part of the shell's run that may be interrupted. */
    @FunctionalInterface
    interface Run {
        int run() throws InterruptedException;
    }

    /**
     * Runs a non-interactive shell that has a terminal: a typed ^C or ^\ ends the command in the
     * foreground and with it the shell, with 128 + the signal, as ash ends when its foreground
     * command is killed by SIGINT (dockerd 20.10's {@code run -it alpine sh -c 'sleep 5; echo x'}).
     */
    static int run(ProcessIo io, Run run) throws InterruptedException {
        if (io.terminal().isEmpty()) {
            return run.run();
        }
        Thread shell = Thread.currentThread();
        AtomicInteger typed = new AtomicInteger();
        try (Terminal.Foreground foreground = io.terminal().get().foreground(signal -> {
            if (signal == Signals.SIGINT || signal == Signals.SIGQUIT) {
                typed.set(signal);
                shell.interrupt();
            }
        })) {
            return run.run();
        } catch (InterruptedException e) {
            if (typed.get() == 0 || RunningProcess.ending()) {
                throw e;
            }
            Thread.interrupted();
            return 128 + typed.get();
        }
    }
}
