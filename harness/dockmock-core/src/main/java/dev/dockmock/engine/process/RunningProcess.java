package dev.dockmock.engine.process;

import java.util.function.IntConsumer;

/**
 * A behaviour running on its own thread. Signals it handles (or SIGKILL) interrupt it and fix its
 * exit code; {@code onExit} hears the exit code exactly once.
 */
public final class RunningProcess {
    private final Behaviour behaviour;
    private final Thread thread;
    private static final ThreadLocal<RunningProcess> CURRENT = new ThreadLocal<>();
    private volatile Integer forcedExit;

    private RunningProcess(Behaviour behaviour, ProcessIo io, IntConsumer onExit, String name) {
        this.behaviour = behaviour;
        this.thread = new Thread(() -> onExit.accept(runToEnd(io)), name);
        this.thread.setDaemon(true);
    }

    /** Starts {@code behaviour} now. */
    public static RunningProcess start(Behaviour behaviour, ProcessIo io, IntConsumer onExit, String name) {
        RunningProcess process = new RunningProcess(behaviour, io, onExit, name);
        process.thread.start();
        return process;
    }

    /**
     * Whether the process running on this thread is being ended (a signal that ends it, a kill):
     * code that takes an interrupt as something milder (a typed ^C) lets it through then.
     */
    public static boolean ending() {
        RunningProcess current = CURRENT.get();
        return current != null && current.forcedExit != null;
    }

    private int runToEnd(ProcessIo io) {
        CURRENT.set(this);
        int code;
        try {
            code = behaviour.run(io);
        } catch (InterruptedException e) {
            code = forcedExit != null ? forcedExit : 128 + Signals.SIGKILL;
        } catch (RuntimeException e) {
            io.stderr("dockmock: simulated process failed: " + e + "\n");
            code = 1;
        }
        Integer forced = forcedExit;
        return forced != null ? forced : code;
    }

    /**
     * Delivers a signal.
     *
     * @return true when the signal ends the process
     */
    public boolean signal(int signal) {
        int code = behaviour.exitCodeOnSignal(signal);
        if (code < 0) {
            return false;
        }
        forcedExit = code;
        thread.interrupt();
        return true;
    }

    /** Ends it with {@code code} regardless of its signal handling (OOM, daemon restart). */
    public void terminate(int code) {
        forcedExit = code;
        thread.interrupt();
    }

    public Behaviour behaviour() {
        return behaviour;
    }
}
