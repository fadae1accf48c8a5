package dev.dockmock.engine.files;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The filesystem of one container: the tree it started from (its image's files, with the
 * {@code /etc/hostname} and {@code /etc/hosts} the daemon gives every container) and the tree as
 * it is now. Callers hold the engine's lock.
 */
public final class ContainerFiles {
    private final FileTree base;
    private final FileTree current;
    private final Set<String> mounted = new HashSet<>();
    /** The trees of its binds and tmpfs mounts by mount point, made when first used. */
    private Map<String, PathTree> mountTrees;

    ContainerFiles(FileTree base) {
        this.base = base;
        this.current = base.copy();
    }

    /** The live tree; changes made to it are the container's changes. */
    public FileTree tree() {
        return current;
    }

    /**
     * Puts {@code node} at {@code path} in the tree the container started from and in the live
     * tree, its missing parent directories too: a file the daemon mounts, as it does
     * {@code /etc/hosts}, which is no change of the container's. It is mounted read-only, as
     * dockerd mounts a task's secrets and configs.
     */
    public void mount(String path, FileNode node, Instant mtime) {
        base.ensureDirectory(FilePaths.parent(path), mtime);
        base.set(path, node);
        // the same nodes in both trees, so that the diff sees nothing changed on the way to the file
        for (String at = path; !at.equals("/"); at = FilePaths.parent(at)) {
            String here = at;
            base.get(here).ifPresent(found -> current.set(here, found));
        }
        mounted.add(path);
    }

    /** Whether {@code path} (absolute, links resolved) is a file {@link #mount mounted} read-only. */
    public boolean mountedReadOnly(String path) {
        return mounted.contains(path);
    }

    /** The tree mounted at {@code point}, made by {@code make} the first time (null: none now, ask again later). */
    PathTree mountTree(String point, Supplier<PathTree> make) {
        if (mountTrees == null) {
            mountTrees = new HashMap<>();
        }
        PathTree tree = mountTrees.get(point);
        if (tree == null) {
            tree = make.get();
            if (tree != null) {
                mountTrees.put(point, tree);
            }
        }
        return tree;
    }

    /** Forgets the tree mounted at {@code point}: a tmpfs is new at every start. */
    void unmount(String point) {
        if (mountTrees != null) {
            mountTrees.remove(point);
        }
    }

    /** What changed since the container was created, for {@code docker diff}. */
    public List<Change> changes() {
        return Change.between(base, current);
    }

    /** The changes as a layer, for {@code docker commit}. */
    public Layer diffLayer() {
        return Layer.diff(base, current);
    }
}
