package dev.dockmock.engine.process;

import java.util.List;
import java.util.Optional;

/**
 * The files a simulated process reads and writes: its container's filesystem (what
 * {@code docker cp}, {@code docker diff} and {@code docker export} see), or {@link #NONE} for a
 * process outside any container.
 *
 * <p>Paths are absolute and normalised; symbolic links are followed. A change that fails throws
 * {@link Failure} with the error the kernel would give, and changes nothing.
 */
public interface ProcessFiles {

    /**
     * No filesystem: every lookup finds nothing, and every change succeeds and is discarded (as
     * writes were before processes could write), so a process outside a container never fails on
     * a write it could not keep.
     */
    ProcessFiles NONE = path -> Optional.empty();

    /** What is at {@code path}, symbolic links followed. */
    Optional<Entry> lookup(String path);

    /**
     * Writes {@code data} to the regular file at {@code path}, creating it (mode 0644, owned by
     * root) when missing; {@code append} adds to its end, otherwise it is replaced.
     */
    default void write(String path, byte[] data, boolean append) throws Failure {
    }

    /** Creates the directory {@code path} (mode 0755); its parent must exist. */
    default void mkdir(String path) throws Failure {
    }

    /** Sets the modification time of {@code path} to now, creating an empty file when missing. */
    default void touch(String path) throws Failure {
    }

    /**
     * Removes {@code path}: a file or link, or with {@code recursive} a directory and everything
     * below it. A link itself is removed, not what it points to.
     */
    default void remove(String path, boolean recursive) throws Failure {
    }

    /** A file's content or a directory's entry names. */
    sealed interface Entry {
        /** A regular file. */
        record File(byte[] content) implements Entry {
        }

        /** A directory and the names in it, sorted. */
        record Directory(List<String> names) implements Entry {
        }
    }

    /** The errors a change can meet, with the text {@code strerror} gives each. */
    enum Errno {
        NO_ENTRY("No such file or directory"),
        NOT_A_DIRECTORY("Not a directory"),
        IS_A_DIRECTORY("Is a directory"),
        EXISTS("File exists"),
        READ_ONLY("Read-only file system");

        private final String message;

        Errno(String message) {
            this.message = message;
        }

        /** What {@code strerror} says. */
        public String message() {
            return message;
        }
    }

    /** A change the filesystem refused. */
    final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final Errno errno;

        public Failure(Errno errno) {
            super(errno.message(), null, false, false);
            this.errno = errno;
        }

        public Errno errno() {
            return errno;
        }
    }
}
