package dev.dockmock.engine.files;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A container's files as its processes and {@code docker cp} see them: its own tree, with each
 * mount's tree (a volume's, a bind's {@link HostTree}, a tmpfs's) at its mount point. A path at
 * or below a mount point lies in that mount's tree (the deepest mount point wins), everything else in the container's own tree;
 * the mount point itself is the volume's root directory. Symbolic links are evaluated across the
 * whole view, so an absolute link inside a volume leads back into the container's root.
 */
public final class MountedTree implements PathTree {

    /**
     * One tree (or part of one) mounted into the view.
     *
     * @param point the clean absolute mount point
     * @param tree the mounted tree
     * @param source the path in {@code tree} that appears at {@code point}: {@code /} for a
     *        volume, the file itself for a file the daemon mounts (such as {@code /etc/hostname})
     */
    public record Mount(String point, PathTree tree, String source) {
        public Mount {
            point = FilePaths.clean(point);
            source = FilePaths.clean(source);
        }

        /** A whole tree mounted at {@code point}. */
        public Mount(String point, PathTree tree) {
            this(point, tree, "/");
        }
    }

    /** Where a path of the view lies: a tree and the path inside it. */
    record Location(PathTree tree, String path) {
    }

    private final FileTree root;
    private final List<Mount> deepestFirst;

    public MountedTree(FileTree root, List<Mount> mounts) {
        this.root = root;
        List<Mount> sorted = new ArrayList<>(mounts);
        sorted.sort(Comparator.comparingInt((Mount m) -> FilePaths.elements(m.point()).size()).reversed());
        this.deepestFirst = List.copyOf(sorted);
    }

    /** The tree and inner path that {@code path} names. */
    Location locate(String path) {
        String clean = FilePaths.clean(path);
        for (Mount mount : deepestFirst) {
            if (FilePaths.within(clean, mount.point())) {
                return new Location(mount.tree(), inner(clean, mount.point(), mount.source()));
            }
        }
        return new Location(root, clean);
    }

    @Override
    public Optional<FileNode> get(String path) {
        Location at = locate(path);
        return at.tree().get(at.path());
    }

    /** The children in the holding tree, plus mount points directly inside {@code dir} that tree lacks. */
    @Override
    public List<String> children(String dir) {
        String clean = FilePaths.clean(dir);
        Location at = locate(clean);
        List<String> children = new ArrayList<>();
        for (String child : at.tree().children(at.path())) {
            children.add(outer(clean, at.path(), child));
        }
        for (Mount mount : deepestFirst) {
            if (!mount.point().equals("/") && FilePaths.parent(mount.point()).equals(clean) && !children.contains(mount.point())) {
                children.add(mount.point());
            }
        }
        children.sort(null);
        return children;
    }

    @Override
    public SortedMap<String, FileNode> subtree(String path) {
        String clean = FilePaths.clean(path);
        Location at = locate(clean);
        TreeMap<String, FileNode> result = new TreeMap<>();
        at.tree().subtree(at.path()).forEach((inner, node) -> result.put(outer(clean, at.path(), inner), node));
        for (int i = deepestFirst.size() - 1; i >= 0; i--) {
            Mount mount = deepestFirst.get(i);
            if (!mount.point().equals(clean) && FilePaths.within(mount.point(), clean)) {
                result.keySet().removeIf(p -> FilePaths.within(p, mount.point()));
                for (Map.Entry<String, FileNode> entry : mount.tree().subtree(mount.source()).entrySet()) {
                    result.put(outer(mount.point(), mount.source(), entry.getKey()), entry.getValue());
                }
            }
        }
        return result;
    }

    @Override
    public void set(String path, FileNode node) {
        Location at = locate(path);
        at.tree().set(at.path(), node);
    }

    @Override
    public void write(String path, FileNode node, Instant now) {
        Location at = locate(path);
        at.tree().write(at.path(), node, now);
    }

    @Override
    public boolean remove(String path, Instant now) {
        Location at = locate(path);
        return at.tree().remove(at.path(), now);
    }

    @Override
    public void copyUp(String dir) {
        Location at = locate(dir);
        at.tree().copyUp(at.path());
    }

    /** {@code path} (at or below {@code point}) as a path inside the tree mounted there from {@code source}. */
    private static String inner(String path, String point, String source) {
        String relative = path.equals(point) ? "" : path.substring(point.equals("/") ? 1 : point.length() + 1);
        return FilePaths.child(source, relative);
    }

    /** {@code innerPath} (at or below {@code innerDir} of a tree) as a path of the view, {@code innerDir} being {@code outerDir}. */
    private static String outer(String outerDir, String innerDir, String innerPath) {
        if (innerPath.equals(innerDir)) {
            return outerDir;
        }
        String relative = innerPath.substring(innerDir.equals("/") ? 1 : innerDir.length() + 1);
        return FilePaths.child(outerDir, relative);
    }
}
