package dev.dockmock.engine.process;

import dev.dockmock.engine.process.Errno;
import dev.dockmock.engine.process.ProcessFiles.Failure;
import dev.dockmock.engine.process.ProcessFiles.Stat;
import java.util.Optional;

/**
 * The kernel's permission rules for one user over a container's files: which class of bits
 * applies (the owner's to the owner, the group's to a member of the file's group, primary or
 * supplementary, the others' to the rest) and the search walk through the directories of a path.
 * Root is let through without a look at any mode.
 */
final class FileAccess {
    private final ProcessFiles files;
    private final ProcessUser user;

    FileAccess(ProcessFiles files, ProcessUser user) {
        this.files = files;
        this.user = user;
    }

    /** Whether the bits of {@code stat} that apply to the user hold all of {@code wanted} (root's rule aside). */
    boolean permitted(Stat stat, int wanted) {
        int bits = stat.uid() == user.uid() ? stat.mode() >> 6 : user.inGroup(stat.gid()) ? stat.mode() >> 3 : stat.mode();
        return (bits & wanted) == wanted;
    }

    /** Fails with {@code Permission denied} unless the user is root or {@link #permitted}. */
    void require(Stat stat, int wanted) throws Failure {
        if (!user.isRoot() && !permitted(stat, wanted)) {
            throw new Failure(Errno.PERMISSION_DENIED);
        }
    }

    /**
     * Walks the directories above {@code path}, from {@code /} down, failing at the first the user
     * may not search. The walk stops quietly where one is missing or no directory: the call that
     * follows then fails as it would without a check.
     */
    void reach(String path) throws Failure {
        if (user.isRoot()) {
            return;
        }
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (!trimmed.startsWith("/") || trimmed.equals("/") || !searchable("/")) {
            return;
        }
        for (int slash = trimmed.indexOf('/', 1); slash > 0; slash = trimmed.indexOf('/', slash + 1)) {
            if (!searchable(trimmed.substring(0, slash))) {
                return;
            }
        }
    }

    /** Whether a walk through {@code dir} may go on: false where it is missing or no directory. */
    private boolean searchable(String dir) throws Failure {
        Optional<Stat> stat = files.stat(dir, true);
        if (stat.isEmpty() || !stat.get().isDirectory()) {
            return false;
        }
        require(stat.get(), ProcessFiles.EXECUTE);
        return true;
    }
}
