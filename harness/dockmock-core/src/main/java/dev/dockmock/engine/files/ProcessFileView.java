package dev.dockmock.engine.files;

import dev.dockmock.engine.process.Filesystem;
import dev.dockmock.engine.process.Errno;
import dev.dockmock.engine.containers.Container;
import dev.dockmock.engine.process.ProcessFiles;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A container's filesystem as its processes read and write it: the same view {@code docker cp}
 * sees (the image's files, the container's {@code /etc/hostname}, {@code /etc/hosts} and
 * {@code /etc/resolv.conf}, files copied in, below each volume's mount point that volume's own
 * files, below a bind's the host's), and its tmpfs mounts; {@code /proc/mounts} lists its mounts.
 * Each call takes the engine's lock, as every change to the tree happens under it. Changes are
 * made as {@link ProcessFileWrites} describes.
 */
public final class ProcessFileView implements ProcessFiles {
    private static final List<String> PROC_MOUNTS = List.of("/proc/mounts", "/proc/self/mounts");

    private final Object lock;
    private final Supplier<PathTree> tree;
    private final Supplier<List<Filesystem>> mounts;
    private final ProcessFileWrites writes;

    private ProcessFileView(Object lock, Supplier<PathTree> tree, Supplier<List<Filesystem>> mounts, Clock clock,
            Predicate<String> writable, Runnable changed) {
        this.lock = lock;
        this.tree = tree;
        this.mounts = mounts;
        this.writes = new ProcessFileWrites(lock, tree, clock, writable, changed);
    }

    /**
     * The view of {@code container}'s files; read-only where its root filesystem and mounts say
     * so, and at the files the daemon mounted read-only (a task's secrets and configs).
     */
    static ProcessFileView of(FileSystems files, Container container) {
        WritableMounts writable = WritableMounts.of(container);
        return new ProcessFileView(files.context().lock(),
                () -> container.removed() ? null : files.processTree(container),
                () -> container.removed() ? List.of() : MountTable.of(files, container),
                files.context().clock(), path -> writable.writable(path) && !files.of(container).mountedReadOnly(path),
                files.context()::changed);
    }

    /** A view of a bare tree (no container, no mounts), guarded by a lock of its own; for tests and tools. */
    public static ProcessFileView of(PathTree tree, Clock clock, boolean readOnly) {
        return new ProcessFileView(new Object(), () -> tree, List::of, clock, path -> !readOnly, () -> { });
    }

    @Override
    public Optional<Entry> lookup(String path) {
        synchronized (lock) {
            PathTree files = tree.get();
            String resolved = files == null ? null : ProcessFileWrites.resolved(files, path, true);
            if (resolved == null) {
                return Optional.empty();
            }
            if (PROC_MOUNTS.contains(resolved)) {
                StringBuilder text = new StringBuilder();
                mounts.get().forEach(m -> text.append(m.procLine()));
                return Optional.of(new Entry.File(text.toString().getBytes(StandardCharsets.UTF_8)));
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
            String resolved = files == null ? null : ProcessFileWrites.resolved(files, path, followLinks);
            if (resolved == null) {
                return Optional.empty();
            }
            if (PROC_MOUNTS.contains(resolved) && !mounts.get().isEmpty()) {
                return Optional.of(new Stat(Kind.FILE, 0444, 0, 0, 0, 1, java.time.Instant.EPOCH, ""));
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
    public List<Filesystem> mounts() {
        synchronized (lock) {
            return mounts.get();
        }
    }

    @Override
    public Optional<String> deviceOf(String path) {
        synchronized (lock) {
            PathTree files = tree.get();
            String resolved = files == null ? null : ProcessFileWrites.resolved(files, path, true);
            List<Filesystem> table = mounts.get();
            if (resolved == null || files.get(resolved).isEmpty() && !PROC_MOUNTS.contains(resolved)
                    && table.stream().noneMatch(m -> m.point().equals(resolved))) {
                return Optional.empty();
            }
            Filesystem deepest = null;
            for (Filesystem mount : table) {
                if (FilePaths.within(resolved, mount.point())
                        && (deepest == null || mount.point().length() >= deepest.point().length())) {
                    deepest = mount;
                }
            }
            return Optional.ofNullable(deepest).map(Filesystem::deviceId);
        }
    }

    @Override
    public void setMode(String path, int mode) throws Failure {
        writes.change(path, true, (existing, now) -> existing.orElseThrow(() -> new Failure(Errno.NO_ENTRY)).withMode(mode));
    }

    @Override
    public void setOwner(String path, int uid, int gid, boolean followLinks) throws Failure {
        writes.change(path, followLinks, (existing, now) -> {
            FileNode node = existing.orElseThrow(() -> new Failure(Errno.NO_ENTRY));
            return node.withOwner(uid < 0 ? node.uid() : uid, gid < 0 ? node.gid() : gid);
        });
    }

    @Override
    public void write(String path, byte[] data, boolean append) throws Failure {
        writes.change(path, true, (existing, now) -> {
            if (existing.isPresent() && existing.get().isDirectory()) {
                throw new Failure(Errno.IS_A_DIRECTORY);
            }
            Optional<FileNode> file = existing.filter(node -> node.type() == FileNode.Type.FILE);
            byte[] content = append && file.isPresent() ? ProcessFileWrites.concat(file.get().content(), data) : data;
            return file.map(node -> new FileNode(node.type(), node.mode(), node.uid(), node.gid(), now, content, ""))
                    .orElseGet(() -> FileNode.file(content, 0644, now));
        });
    }

    @Override
    public void mkdir(String path) throws Failure {
        writes.change(path, false, (existing, now) -> {
            if (existing.isPresent()) {
                throw new Failure(Errno.EXISTS);
            }
            return FileNode.directory(0755, now);
        });
    }

    @Override
    public void symlink(String target, String path) throws Failure {
        writes.change(path, false, (existing, now) -> {
            if (existing.isPresent()) {
                throw new Failure(Errno.EXISTS);
            }
            return FileNode.symlink(target, now);
        });
    }

    @Override
    public void touch(String path) throws Failure {
        writes.change(path, true, (existing, now) ->
                existing.map(node -> node.withMtime(now)).orElseGet(() -> FileNode.file(new byte[0], 0644, now)));
    }

    @Override
    public void remove(String path, boolean recursive) throws Failure {
        writes.change(path, false, (existing, now) -> {
            if (existing.isEmpty()) {
                throw new Failure(Errno.NO_ENTRY);
            }
            if (existing.get().isDirectory() && !recursive) {
                throw new Failure(Errno.IS_A_DIRECTORY);
            }
            return null;
        });
    }

    private static List<String> names(List<String> paths) {
        return paths.stream().map(p -> p.substring(p.lastIndexOf('/') + 1)).sorted().toList();
    }
}
