package dev.dockmock.engine.process;

/**
 * What a simulated process does when it runs: writes output, reads stdin, waits, and ends with an
 * exit code. Runs on its own thread; the engine interrupts it when a signal ends the process.
 */
@FunctionalInterface
public interface Behaviour {

    /**
     * Runs the process to its end.
     *
     * @return the exit code
     * @throws InterruptedException when a signal ended it (the engine then decides the exit code)
     */
    int run(ProcessIo io) throws InterruptedException;

    /**
     * The exit code this process ends with on {@code signal}, or {@code -1} when it ignores it. The
     * default is a shell or plain program running as PID 1 in a container: the kernel gives PID 1
     * no default handlers, so only SIGKILL (9) ends it, with 128 + 9.
     */
    default int exitCodeOnSignal(int signal) {
        return signal == Signals.SIGKILL ? 128 + Signals.SIGKILL : -1;
    }

    /** What a client connecting to the container's published ports gets while this runs. */
    default PortAnswer portAnswer() {
        return new PortAnswer.Accept();
    }
}
