package dev.dockmock.engine.files;

import dev.dockmock.engine.containers.Container;
import dev.dockmock.engine.process.ProcessFiles;
import dev.dockmock.protocol.DockerException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A container's filesystem as its processes read and write it: the same view {@code docker cp}
 * sees (the image's files, the container's {@code /etc/hostname} and {@code /etc/hosts}, files
 * copied in, and below each volume's mount point that volume's own files, shared with every
 * container that mounts it). Each call takes the engine's lock, as every change to the
 * tree happens under it.
 *
 * <p>A change behaves as overlayfs does under dockerd: new entries are owned by root (0644 files,
 * 0755 directories, the clock's time), the directory an entry is added to or removed from gets
 * the new time, and every directory above a change is copied up (same attributes, a new node), so
 * {@code docker diff} lists them as changed just as dockerd does.
 */
public final class ProcessFileView implements ProcessFiles {
    private final Object lock;
    private final Supplier<PathTree> tree;
    private final Clock clock;
    private final Predicate<String> writable;
    private final Runnable changed;

    private ProcessFileView(Object lock, Supplier<PathTree> tree, Clock clock, Predicate<String> writable,
            Runnable changed) {
        this.lock = lock;
        this.tree = tree;
        this.clock = clock;
        this.writable = writable;
        this.changed = changed;
    }

    /**
     * The view of {@code container}'s files; read-only where its root filesystem and mounts say
     * so, and at the files the daemon mounted read-only (a task's secrets and configs).
     */
    static ProcessFileView of(FileSystems files, Container container) {
        WritableMounts mounts = WritableMounts.of(container);
        return new ProcessFileView(files.context().lock(),
                () -> container.removed() ? null : files.view(container),
                files.context().clock(), path -> mounts.writable(path) && !files.of(container).mountedReadOnly(path),
                files.context()::changed);
    }

    /** A view of a bare tree (no container), guarded by a lock of its own; for tests and tools. */
    public static ProcessFileView of(PathTree tree, Clock clock, boolean readOnly) {
        return new ProcessFileView(new Object(), () -> tree, clock, path -> !readOnly, () -> { });
    }

    @Override
    public Optional<Entry> lookup(String path) {
        synchronized (lock) {
            PathTree files = tree.get();
            if (files == null) {
                return Optional.empty();
            }
            String resolved = resolved(files, path, true);
            if (resolved == null) {
                return Optional.empty();
            }
            return files.get(resolved).map(node -> switch (node.type()) {
                case DIRECTORY -> new Entry.Directory(names(files.children(resolved)));
                case FILE -> new Entry.File(node.content());
                case SYMLINK -> null; // a dangling link: resolve followed every link it could
            });
        }
    }

    @Override
    public Optional<Stat> stat(String path, boolean followLinks) {
        synchronized (lock) {
            PathTree files = tree.get();
            if (files == null) {
                return Optional.empty();
            }
            String resolved = resolved(files, path, followLinks);
            if (resolved == null) {
                return Optional.empty();
            }
            Optional<FileNode> found = files.get(resolved);
            if (found.isEmpty() || followLinks && found.get().type() == FileNode.Type.SYMLINK) {
                return Optional.empty();
            }
            FileNode node = found.get();
            Kind kind = switch (node.type()) {
                case DIRECTORY -> Kind.DIRECTORY;
                case FILE -> Kind.FILE;
                case SYMLINK -> Kind.SYMLINK;
            };
            int links = node.isDirectory() ? 2 + (int) files.children(resolved).stream()
                    .filter(child -> files.get(child).map(FileNode::isDirectory).orElse(false)).count() : 1;
            return Optional.of(new Stat(kind, node.mode(), node.uid(), node.gid(), node.size(), links, node.mtime(),
                    node.linkTarget()));
        }
    }

    @Override
    public void setMode(String path, int mode) throws Failure {
        change(path, true, (files, target, existing, now) -> existing.orElseThrow(() -> new Failure(Errno.NO_ENTRY))
                .withMode(mode));
    }

    @Override
    public void setOwner(String path, int uid, int gid, boolean followLinks) throws Failure {
        change(path, followLinks, (files, target, existing, now) -> {
            FileNode node = existing.orElseThrow(() -> new Failure(Errno.NO_ENTRY));
            return node.withOwner(uid < 0 ? node.uid() : uid, gid < 0 ? node.gid() : gid);
        });
    }

    @Override
    public void write(String path, byte[] data, boolean append) throws Failure {
        change(path, true, (files, target, existing, now) -> {
            if (existing.isPresent() && existing.get().isDirectory()) {
                throw new Failure(Errno.IS_A_DIRECTORY);
            }
            Optional<FileNode> file = existing.filter(node -> node.type() == FileNode.Type.FILE);
            byte[] content = append && file.isPresent() ? concat(file.get().content(), data) : data;
            return file.map(node -> new FileNode(node.type(), node.mode(), node.uid(), node.gid(), now, content, ""))
                    .orElseGet(() -> FileNode.file(content, 0644, now));
        });
    }

    @Override
    public void mkdir(String path) throws Failure {
        change(path, false, (files, target, existing, now) -> {
            if (existing.isPresent()) {
                throw new Failure(Errno.EXISTS);
            }
            return FileNode.directory(0755, now);
        });
    }

    @Override
    public void symlink(String target, String path) throws Failure {
        change(path, false, (files, where, existing, now) -> {
            if (existing.isPresent()) {
                throw new Failure(Errno.EXISTS);
            }
            return FileNode.symlink(target, now);
        });
    }

    @Override
    public void touch(String path) throws Failure {
        change(path, true, (files, target, existing, now) ->
                existing.map(node -> node.withMtime(now)).orElseGet(() -> FileNode.file(new byte[0], 0644, now)));
    }

    @Override
    public void remove(String path, boolean recursive) throws Failure {
        change(path, false, (files, target, existing, now) -> {
            if (existing.isEmpty()) {
                throw new Failure(Errno.NO_ENTRY);
            }
            if (existing.get().isDirectory() && !recursive) {
                throw new Failure(Errno.IS_A_DIRECTORY);
            }
            return null;
        });
    }

    /** What a change puts at its target (null: remove it), given what is there now. */
    @FunctionalInterface
    private interface Edit {
        FileNode apply(PathTree files, String target, Optional<FileNode> existing, Instant now) throws Failure;
    }

    /** {@code path} with its links followed (the last one only when {@code followLast}); null when they loop. */
    private static String resolved(PathTree files, String path, boolean followLast) {
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
    private void change(String path, boolean followLast, Edit edit) throws Failure {
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
            FileNode node = edit.apply(files, target, existing, now);
            if (!writable.test(target)) {
                throw new Failure(Errno.READ_ONLY);
            }
            files.copyUp(FilePaths.parent(target));
            if (node == null) {
                files.remove(target, now);
            } else if (existing.isPresent()) {
                files.set(target, node);
            } else {
                files.write(target, node, now);
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

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] joined = new byte[head.length + tail.length];
        System.arraycopy(head, 0, joined, 0, head.length);
        System.arraycopy(tail, 0, joined, head.length, tail.length);
        return joined;
    }

    private static List<String> names(List<String> paths) {
        return paths.stream().map(p -> p.substring(p.lastIndexOf('/') + 1)).sorted().toList();
    }
}
