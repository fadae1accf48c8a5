package dev.dockmock.engine.process;

import java.util.List;

/**
 * The processes a simulated process can see, as {@code ps} lists them: those of its container
 * (the main process as pid 1, the exec'd ones, the commands shells run), or only itself for a
 * process outside any container.
 */
public interface ProcessList {

    /**
     * One process.
     *
     * @param pid its id in the container
     * @param ppid its parent's id, 0 for the main process and exec'd ones
     * @param user the user it runs as, as given ({@code name}, {@code uid}, {@code uid:gid}); empty for root
     * @param argv its arguments, {@code argv.get(0)} the program
     */
    record Entry(int pid, int ppid, String user, List<String> argv) {
        public Entry {
            argv = List.copyOf(argv);
        }
    }

    /** A child process: listed until closed. */
    interface Child extends AutoCloseable {
        /** What the child sees. */
        ProcessList list();

        /** The child has ended. */
        @Override
        void close();
    }

    /** Every visible process by pid, the caller included. */
    List<Entry> entries();

    /** The caller's pid. */
    int self();

    /** Starts a child of the caller running {@code argv}, as the caller's user. */
    Child start(List<String> argv);

    /** The caller runs {@code argv} in its own place from now on, keeping its pid (as {@code exec} does). */
    void exec(List<String> argv);

    /** A process outside any container: only itself, as pid 1. */
    static ProcessList alone(List<String> argv) {
        return new ContainerProcesses(argv, "").main();
    }
}
