package dev.dockmock.engine.containers;

import dev.dockmock.engine.process.OutputLog;
import java.io.IOException;

/** Follows a container's output for an attached client: what is there, then what comes, until the run ends. */
final class OutputFollower {

    /** Receives each entry the client asked for. */
    interface EntrySink {
        void accept(OutputLog.Entry entry) throws IOException;
    }

    private OutputFollower() {
    }

    /**
     * Sends entries from {@code position}; with {@code stream}, waits for more until run
     * {@code target} ends (see {@link OutputLog#attachTarget()}).
     */
    static void follow(OutputLog log, long position, int target, boolean stream, boolean stdout, boolean stderr,
            EntrySink sink) throws IOException, InterruptedException {
        long next = position;
        while (true) {
            for (OutputLog.Entry entry : log.from(next)) {
                next++;
                if ((entry.stream() == 1 && stdout) || (entry.stream() == 2 && stderr)) {
                    sink.accept(entry);
                }
            }
            if (!stream || !log.awaitRun(next, target)) {
                break;
            }
        }
        for (OutputLog.Entry entry : log.from(next)) {
            if ((entry.stream() == 1 && stdout) || (entry.stream() == 2 && stderr)) {
                sink.accept(entry);
            }
        }
    }
}
