package dev.dockmock.engine.process;

import java.time.Instant;
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

    /** {@link #allows}: read permission. */
    int READ = 4;
    /** {@link #allows}: write permission. */
    int WRITE = 2;
    /** {@link #allows}: execute permission, or search for a directory. */
    int EXECUTE = 1;

    /**
     * What is at {@code path}, symbolic links followed, without a permission check: what root (and
     * {@code docker cp}, which acts as root) sees. What a process opens for itself goes through
     * {@link #read}.
     */
    Optional<Entry> lookup(String path);

    /**
     * What {@code path} holds when the process opens it for reading ({@code open(O_RDONLY)}; a
     * directory for listing its names), symbolic links followed; empty when it is missing.
     *
     * @throws Failure {@link Errno#PERMISSION_DENIED} when the process's user may not search a
     *     directory on the way or read the entry ({@link UserFiles}); never for root
     */
    default Optional<Entry> read(String path) throws Failure {
        return lookup(path);
    }

    /**
     * Resolves {@code path} as the kernel does before a {@code stat} or a change: every directory
     * above it must be searchable by the process's user. Whether {@code path} exists is not asked.
     *
     * @throws Failure {@link Errno#PERMISSION_DENIED} when one is not; never for root
     */
    default void reach(String path) throws Failure {
    }

    /**
     * What {@code access(2)} answers for the process's user: whether it may reach {@code path} and
     * has the rights {@code access} asks ({@link #READ}, {@link #WRITE}, {@link #EXECUTE} or'ed;
     * 0 only reaches it). A missing path is allowed: whether it exists is the caller's question.
     * Root is allowed everything here; its {@code -x} rule (some x bit) is the caller's too.
     */
    default boolean allows(String path, int access) {
        return true;
    }

    /**
     * Writes {@code data} to the regular file at {@code path}, creating it (mode 0644, owned by
     * root) when missing; {@code append} adds to its end, otherwise it is replaced.
     */
    default void write(String path, byte[] data, boolean append) throws Failure {
    }

    /** Creates the directory {@code path} (mode 0755); its parent must exist. */
    default void mkdir(String path) throws Failure {
    }

    /** Creates the symbolic link {@code path} pointing at {@code target} (stored as given); {@code path} must not exist. */
    default void symlink(String target, String path) throws Failure {
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

    /**
     * What {@code stat} ({@code followLinks}) or {@code lstat} says of {@code path}; empty when it
     * is missing (or a dangling link followed).
     */
    default Optional<Stat> stat(String path, boolean followLinks) {
        return Optional.empty();
    }

    /** Sets the permission bits ({@code 07777}) of {@code path}, links followed ({@code chmod}). */
    default void setMode(String path, int mode) throws Failure {
    }

    /**
     * Sets the owner of {@code path} ({@code chown}); a negative id keeps the current one. With
     * {@code followLinks} false a link itself changes ({@code lchown}).
     */
    default void setOwner(String path, int uid, int gid, boolean followLinks) throws Failure {
    }

    /**
     * The filesystems mounted in the process's container, in {@code /proc/mounts} order, with what
     * {@code statfs} says of each; empty outside a container.
     */
    default List<Filesystem> mounts() {
        return List.of();
    }

    /** The device {@code path} (links followed) lies on, as {@code stat}'s {@code st_dev} tells them apart; empty when missing. */
    default Optional<String> deviceOf(String path) {
        return Optional.empty();
    }

    /** The kinds of entries, as {@code ls -l} marks them. */
    /** Whose rights these files are used with ({@link UserFiles}); root unless a container's process says otherwise. */
    default ProcessUser user() {
        return ProcessUser.ROOT;
    }

    enum Kind {
        FILE('-'), DIRECTORY('d'), SYMLINK('l');

        private final char letter;

        Kind(char letter) {
            this.letter = letter;
        }

        /** The first letter of {@code ls -l}'s mode column. */
        public char letter() {
            return letter;
        }
    }

    /**
     * An entry's attributes.
     *
     * @param kind what it is
     * @param mode permission and special bits ({@code 07777})
     * @param uid owner user id
     * @param gid owner group id
     * @param size bytes of content, of a link's target, or 4096 for a directory
     * @param links the link count: 2 plus its subdirectories for a directory, else 1
     * @param mtime modification time
     * @param linkTarget a link's target as written, else empty
     */
    record Stat(Kind kind, int mode, int uid, int gid, long size, int links, Instant mtime, String linkTarget) {
        public boolean isDirectory() {
            return kind == Kind.DIRECTORY;
        }
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
