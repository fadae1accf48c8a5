package dev.dockmock.engine.process;

import java.util.List;
import java.util.Optional;

/**
 * The files a simulated process can read: its container's filesystem (what {@code docker cp}
 * and {@code docker export} see), or {@link #NONE} for a process outside any container, which
 * sees only the known paths. Read-only: what processes write is still discarded.
 */
public interface ProcessFiles {

    /** No filesystem: every lookup finds nothing. */
    ProcessFiles NONE = path -> Optional.empty();

    /** What is at an absolute, normalised path, symbolic links followed. */
    Optional<Entry> lookup(String path);

    /** A file's content or a directory's entry names. */
    sealed interface Entry {
        /** A regular file. */
        record File(byte[] content) implements Entry {
        }

        /** A directory and the names in it, sorted. */
        record Directory(List<String> names) implements Entry {
        }
    }
}
