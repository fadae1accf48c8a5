package dev.dockmock.engine.files;

import dev.dockmock.protocol.DockerException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An in-memory filesystem: clean absolute paths to {@link FileNode}s, the root always a directory.
 * Not thread-safe: the engine's lock guards the trees of containers.
 *
 * <p>{@link #set} and {@link #delete} change entries as a layer is applied, leaving parents'
 * times alone; {@link #write} and {@link #remove} change them as a process would, touching the
 * parent directory, which is what makes {@code docker diff} report it changed.
 */
public final class FileTree implements PathTree {
    private final TreeMap<String, FileNode> nodes;

    private FileTree(TreeMap<String, FileNode> nodes) {
        this.nodes = nodes;
    }

    /** A tree holding only its root directory. */
    public static FileTree empty(Instant mtime) {
        TreeMap<String, FileNode> nodes = new TreeMap<>();
        nodes.put("/", FileNode.directory(0755, mtime));
        return new FileTree(nodes);
    }

    /** An independent copy; the immutable nodes are shared. */
    public FileTree copy() {
        return new FileTree(new TreeMap<>(nodes));
    }

    /** The node at exactly {@code path} (no symbolic link followed). */
    @Override
    public Optional<FileNode> get(String path) {
        return Optional.ofNullable(nodes.get(FilePaths.clean(path)));
    }

    /** Every entry, in path order. */
    public NavigableMap<String, FileNode> entries() {
        return Collections.unmodifiableNavigableMap(nodes);
    }

    /** {@code path} and everything below it, in path order. */
    @Override
    public SortedMap<String, FileNode> subtree(String path) {
        String clean = FilePaths.clean(path);
        if (clean.equals("/")) {
            return entries();
        }
        TreeMap<String, FileNode> result = new TreeMap<>();
        FileNode self = nodes.get(clean);
        if (self != null) {
            result.put(clean, self);
            result.putAll(nodes.subMap(clean + "/", clean + "0"));
        }
        return result;
    }

    /** The paths directly inside directory {@code dir}. */
    @Override
    public List<String> children(String dir) {
        String clean = FilePaths.clean(dir);
        List<String> children = new ArrayList<>();
        for (String path : subtree(clean).keySet()) {
            if (!path.equals(clean) && FilePaths.parent(path).equals(clean)) {
                children.add(path);
            }
        }
        return children;
    }

    /**
     * Puts {@code node} at {@code path}, creating missing parent directories (mode 0755, the
     * node's time). A directory replacing a directory keeps its contents; anything else replacing
     * a directory drops them. A non-directory in the way of a parent is replaced.
     */
    @Override
    public void set(String path, FileNode node) {
        String clean = FilePaths.clean(path);
        if (clean.equals("/")) {
            if (!node.isDirectory()) {
                throw new DockerException(400, "cannot replace the root directory with a non-directory");
            }
            nodes.put("/", node);
            return;
        }
        ensureDirectory(FilePaths.parent(clean), node.mtime());
        FileNode existing = nodes.get(clean);
        if (existing != null && existing.isDirectory() && !node.isDirectory()) {
            nodes.subMap(clean + "/", clean + "0").clear();
        }
        nodes.put(clean, node);
    }

    /** Like {@link #set}, and touches the parent directory with {@code now}. */
    @Override
    public void write(String path, FileNode node, Instant now) {
        set(path, node);
        touch(FilePaths.parent(FilePaths.clean(path)), now);
    }

    /** Removes {@code path} and everything below it; false when it was absent. */
    public boolean delete(String path) {
        String clean = FilePaths.clean(path);
        if (clean.equals("/")) {
            nodes.subMap("/", false, "0", false).clear();
            return true;
        }
        nodes.subMap(clean + "/", clean + "0").clear();
        return nodes.remove(clean) != null;
    }

    /** Like {@link #delete}, and touches the parent directory with {@code now}. */
    @Override
    public boolean remove(String path, Instant now) {
        boolean removed = delete(path);
        if (removed) {
            touch(FilePaths.parent(FilePaths.clean(path)), now);
        }
        return removed;
    }

    /** Creates {@code dir} and its missing parents ({@code mkdir -p}). */
    public void ensureDirectory(String dir, Instant mtime) {
        String current = "/";
        for (String element : FilePaths.elements(FilePaths.clean(dir))) {
            current = FilePaths.child(current, element);
            FileNode existing = nodes.get(current);
            if (existing == null || !existing.isDirectory()) {
                nodes.put(current, FileNode.directory(0755, mtime));
            }
        }
    }

    private void touch(String dir, Instant now) {
        FileNode parent = nodes.get(dir);
        if (parent != null) {
            nodes.put(dir, parent.withMtime(now));
        }
    }

    @Override
    public void copyUp(String dir) {
        String current = "/";
        for (String element : FilePaths.elements(FilePaths.clean(dir))) {
            current = FilePaths.child(current, element);
            FileNode node = nodes.get(current);
            if (node != null) {
                nodes.put(current, node.withMtime(node.mtime()));
            }
        }
    }

    /**
     * The summed {@code lstat} size of everything but directories, as dockerd sizes a local
     * volume's directory for {@code docker system df}.
     */
    public long contentSize() {
        return nodes.values().stream().filter(n -> !n.isDirectory()).mapToLong(FileNode::size).sum();
    }
}
