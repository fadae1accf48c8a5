package dev.dockmock.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Runs a clean stop on Ctrl-C (SIGINT) or SIGTERM and then exits with the stop's exit code (0 for
 * a daemon stopped on purpose). Signals are caught with {@code sun.misc.Signal} (module
 * jdk.unsupported) where the JVM has it; otherwise a shutdown hook still runs the stop, and the
 * JVM's own exit code (130 or 143) stands.
 */
final class Termination {

    private Termination() {
    }

    static void onSignal(Runnable stop) {
        onSignal(() -> {
            stop.run();
            return 0;
        });
    }

    /** As {@link #onSignal(Runnable)}, exiting with what {@code stop} returns. */
    static void onSignal(IntSupplier stop) {
        AtomicBoolean once = new AtomicBoolean();
        AtomicInteger code = new AtomicInteger();
        Runnable stopOnce = () -> {
            if (once.compareAndSet(false, true)) {
                code.set(stop.getAsInt());
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stopOnce, "dockmock-shutdown"));
        try {
            for (String name : new String[] {"INT", "TERM"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    stopOnce.run();
                    System.exit(code.get());
                });
            }
        } catch (LinkageError | IllegalArgumentException e) {
            // no signal API here: the shutdown hook alone stops the server
        }
    }
}
