package dev.dockmock.engine.files;

import dev.dockmock.protocol.DockerException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Clean absolute paths to {@link FileNode}s, readable and changeable: one {@link FileTree}, or a
 * container's {@link MountedTree}, where paths below a volume's mount point lie in the volume's
 * own tree. Paths given may be unclean; they are cleaned as {@link FilePaths#clean} does.
 */
public interface PathTree {

    /** The node at exactly {@code path} (no symbolic link followed). */
    Optional<FileNode> get(String path);

    /** The paths directly inside directory {@code dir}, in path order. */
    List<String> children(String dir);

    /** {@code path} and everything below it, in path order. */
    SortedMap<String, FileNode> subtree(String path);

    /** Puts {@code node} at {@code path} as a layer does, leaving the parent's time alone; see {@link FileTree#set}. */
    void set(String path, FileNode node);

    /** Puts {@code node} at {@code path} as a process does, touching the parent directory with {@code now}. */
    void write(String path, FileNode node, Instant now);

    /** Removes {@code path} and everything below it as a process does; false when it was absent. */
    boolean remove(String path, Instant now);

    /**
     * Replaces {@code dir} and the directories above it by equal new nodes, as overlayfs copies
     * them up before a change below them; only within the tree that holds {@code dir}.
     */
    void copyUp(String dir);

    /**
     * Evaluates symbolic links in {@code path}, as dockerd does within a container's root:
     * absolute targets start again at the root and {@code ..} stops there. Missing elements are
     * kept as written.
     *
     * @param followLast whether a link in the last element is followed too
     * @throws DockerException 400 after 40 links, as the kernel's ELOOP
     */
    default String resolve(String path, boolean followLast) {
        Deque<String> todo = new ArrayDeque<>(FilePaths.elements(FilePaths.clean(path)));
        Deque<String> done = new ArrayDeque<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String element = todo.pollFirst();
            if (element.equals("..")) {
                done.pollLast();
                continue;
            }
            if (element.equals(".")) {
                continue;
            }
            String candidate = "/" + String.join("/", done) + (done.isEmpty() ? "" : "/") + element;
            FileNode node = get(candidate).orElse(null);
            if (node != null && node.type() == FileNode.Type.SYMLINK && (followLast || !todo.isEmpty())) {
                if (++links > 40) {
                    throw new DockerException(400, "too many levels of symbolic links: " + path);
                }
                String target = node.linkTarget();
                if (target.startsWith("/")) {
                    done.clear();
                }
                List<String> parts = new ArrayList<>(List.of(target.split("/")));
                Collections.reverse(parts);
                parts.stream().filter(p -> !p.isEmpty()).forEach(todo::addFirst);
            } else {
                done.addLast(element);
            }
        }
        return "/" + String.join("/", done);
    }
}
