package dev.dockmock.engine.files;

import java.util.List;

/**
 * The filesystem of one container: the tree it started from (its image's files, with the
 * {@code /etc/hostname} and {@code /etc/hosts} the daemon gives every container) and the tree as
 * it is now. Callers hold the engine's lock.
 */
public final class ContainerFiles {
    private final FileTree base;
    private final FileTree current;

    ContainerFiles(FileTree base) {
        this.base = base;
        this.current = base.copy();
    }

    /** The live tree; changes made to it are the container's changes. */
    public FileTree tree() {
        return current;
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
