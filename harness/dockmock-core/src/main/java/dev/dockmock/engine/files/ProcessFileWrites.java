package dev.dockmock.engine.files;

import dev.dockmock.engine.process.Errno;
import dev.dockmock.engine.process.ProcessFiles.Failure;
import dev.dockmock.protocol.DockerException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The changes of {@link ProcessFileView}, as overlayfs makes them under dockerd: new entries
 * owned by root (0644 files, 0755 directories, the clock's time), the directory an entry is added
 * to or removed from touched, and every directory above a change copied up (same attributes, a
 * new node), so {@code docker diff} lists them as changed just as dockerd does. A host bind's
 * refusal comes back as the kernel's error ({@code Permission denied}).
 */
final class ProcessFileWrites {
    private final Object lock;
    private final Supplier<PathTree> tree;
    private final Clock clock;
    private final Predicate<String> writable;
    private final Runnable changed;

    ProcessFileWrites(Object lock, Supplier<PathTree> tree, Clock clock, Predicate<String> writable, Runnable changed) {
        this.lock = lock;
        this.tree = tree;
        this.clock = clock;
        this.writable = writable;
        this.changed = changed;
    }

    /** What a change puts at its target (null: remove it), given what is there now. */
    @FunctionalInterface
    interface Edit {
        FileNode apply(Optional<FileNode> existing, Instant now) throws Failure;
    }

    /** {@code path} with its links followed (the last one only when {@code followLast}); null when they loop. */
    static String resolved(PathTree files, String path, boolean followLast) {
        try {
            return files.resolve(path, followLast);
        } catch (DockerException tooManyLinks) {
            return null;
        }
    }

    /**
     * Checks the path as the kernel walks it (missing or non-directory parents first, then the
     * edit's own checks, then a read-only filesystem), and applies the edit.
     */
    void change(String path, boolean followLast, Edit edit) throws Failure {
        synchronized (lock) {
            PathTree files = tree.get();
            if (files == null) {
                return; // the container is gone: nothing keeps what its last processes write
            }
            String target = resolved(files, path, followLast);
            if (target == null) {
                throw new Failure(Errno.NO_ENTRY);
            }
            checkParents(files, target);
            Optional<FileNode> existing = files.get(target);
            Instant now = clock.instant();
            FileNode node = edit.apply(existing, now);
            if (!writable.test(target)) {
                throw new Failure(Errno.READ_ONLY);
            }
            try {
                files.copyUp(FilePaths.parent(target));
                if (node == null) {
                    files.remove(target, now);
                } else if (existing.isPresent()) {
                    files.set(target, node);
                } else {
                    files.write(target, node, now);
                }
            } catch (UncheckedIOException host) {
                throw new Failure(host.getCause() instanceof AccessDeniedException ? Errno.PERMISSION_DENIED : Errno.IO_ERROR);
            }
            changed.run();
        }
    }

    private static void checkParents(PathTree files, String target) throws Failure {
        if (target.equals("/")) {
            return;
        }
        String current = "/";
        for (String element : FilePaths.elements(FilePaths.parent(target))) {
            current = FilePaths.child(current, element);
            Optional<FileNode> node = files.get(current);
            if (node.isEmpty()) {
                throw new Failure(Errno.NO_ENTRY);
            }
            if (!node.get().isDirectory()) {
                throw new Failure(Errno.NOT_A_DIRECTORY);
            }
        }
    }

    static byte[] concat(byte[] head, byte[] tail) {
        byte[] joined = new byte[head.length + tail.length];
        System.arraycopy(head, 0, joined, 0, head.length);
        System.arraycopy(tail, 0, joined, head.length, tail.length);
        return joined;
    }
}
