package dev.dockmock.cli;

import java.io.PrintStream;

/** One sub-command of {@code dockmock}; public so commands can live in sub-packages. */
public interface Command {
    /** Returned by a command that started something which keeps the JVM alive (a server). */
    int KEEP_RUNNING = -1;

    /** One line for the command list. */
    String summary();

    /**
     * Runs the command.
     *
     * @return the exit code, or {@link #KEEP_RUNNING}
     * @throws UsageException for a wrong command line
     */
    int run(String[] args, PrintStream out, PrintStream err);
}
