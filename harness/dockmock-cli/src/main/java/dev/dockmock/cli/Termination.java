package dev.dockmock.cli;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a clean stop on Ctrl-C (SIGINT) or SIGTERM and then exits with 0, as a daemon stopped on
 * purpose should. Signals are caught with {@code sun.misc.Signal} (module jdk.unsupported) where
 * the JVM has it; otherwise a shutdown hook still runs the stop, and the JVM's own exit code
 * (130 or 143) stands.
 */
final class Termination {

    private Termination() {
    }

    static void onSignal(Runnable stop) {
        AtomicBoolean once = new AtomicBoolean();
        Runnable stopOnce = () -> {
            if (once.compareAndSet(false, true)) {
                stop.run();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stopOnce, "dockmock-shutdown"));
        try {
            for (String name : new String[] {"INT", "TERM"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    stopOnce.run();
                    System.exit(0);
                });
            }
        } catch (LinkageError | IllegalArgumentException e) {
            // no signal API here: the shutdown hook alone stops the server
        }
    }
}
