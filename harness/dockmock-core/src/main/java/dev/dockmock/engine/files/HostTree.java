package dev.dockmock.engine.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A bind mount's files: a directory (or a single file) of the host, read and written in place,
 * as dockerd's bind mounts are. Paths are inner paths, {@code /} being the bind's source.
 *
 * <p>Nothing outside the source is ever touched: paths are cleaned before use (so {@code ..}
 * stops at the source), and every element on the way is checked with {@code lstat}, so a
 * symbolic link inside the source is never followed on the host. Such a link is shown as a
 * link, which the container's view then evaluates in the container's own root, as a process
 * inside the container would see it. Errors of the host (a permission refused) come out as
 * {@link UncheckedIOException}.
 */
public final class HostTree implements PathTree {
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final Path source;

    /** The files at {@code source} (a directory or a file; a link there is resolved first, as mount(2) does). */
    public HostTree(Path source) {
        try {
            this.source = source.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The host path an inner path names, or empty when an element above it is not a real directory. */
    Optional<Path> host(String path) {
        List<String> elements = FilePaths.elements(FilePaths.clean(path));
        Path current = source;
        for (int i = 0; i < elements.size(); i++) {
            if (!Files.isDirectory(current, NO_FOLLOW)) {
                return Optional.empty();
            }
            current = current.resolve(elements.get(i));
        }
        return Optional.of(current);
    }

    @Override
    public Optional<FileNode> get(String path) {
        return host(path).flatMap(HostNodes::read);
    }

    @Override
    public List<String> children(String dir) {
        String clean = FilePaths.clean(dir);
        Optional<Path> at = host(clean).filter(p -> Files.isDirectory(p, NO_FOLLOW));
        if (at.isEmpty()) {
            return List.of();
        }
        List<String> children = new ArrayList<>();
        try (Stream<Path> list = Files.list(at.get())) {
            list.forEach(p -> children.add(FilePaths.child(clean, p.getFileName().toString())));
        } catch (IOException e) {
            return List.of();
        }
        children.sort(null);
        return children;
    }

    @Override
    public SortedMap<String, FileNode> subtree(String path) {
        TreeMap<String, FileNode> result = new TreeMap<>();
        collect(FilePaths.clean(path), result);
        return result;
    }

    private void collect(String path, TreeMap<String, FileNode> into) {
        Optional<FileNode> node = get(path);
        if (node.isEmpty()) {
            return;
        }
        into.put(path, node.get());
        if (node.get().isDirectory()) {
            for (String child : children(path)) {
                collect(child, into);
            }
        }
    }

    @Override
    public void set(String path, FileNode node) {
        String clean = FilePaths.clean(path);
        if (!clean.equals("/")) {
            makeParents(FilePaths.parent(clean), node.mtime());
        }
        Path target = host(clean).orElseThrow(() -> new UncheckedIOException(new IOException("Not a directory: " + clean)));
        HostNodes.write(target, node);
    }

    @Override
    public void write(String path, FileNode node, Instant now) {
        set(path, node); // the host's kernel touches the parent directory itself
    }

    @Override
    public boolean remove(String path, Instant now) {
        String clean = FilePaths.clean(path);
        Optional<Path> target = host(clean).filter(p -> Files.exists(p, NO_FOLLOW));
        if (target.isEmpty()) {
            return false;
        }
        if (clean.equals("/")) {
            for (String child : children("/")) {
                remove(child, now);
            }
            return true;
        }
        HostNodes.delete(target.get());
        return true;
    }

    @Override
    public void copyUp(String dir) {
        // a host directory has no layers to copy up
    }

    private void makeParents(String dir, Instant mtime) {
        String current = "/";
        for (String element : FilePaths.elements(dir)) {
            current = FilePaths.child(current, element);
            if (get(current).map(FileNode::isDirectory).orElse(false)) {
                continue;
            }
            set(current, FileNode.directory(0755, mtime));
        }
    }
}
