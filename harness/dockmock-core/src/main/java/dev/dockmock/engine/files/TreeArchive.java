package dev.dockmock.engine.files;

import dev.dockmock.protocol.DockerException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Between trees and tar members: archiving part of a tree, and extracting members into one. */
public final class TreeArchive {

    private TreeArchive() {
    }

    /**
     * The members for {@code path} and everything below it, the path itself named {@code name}
     * ({@code .} names a directory's contents as {@code ./} and {@code ./child}, as dockerd does
     * for {@code dir/.}).
     */
    public static List<TarEntry> members(PathTree tree, String path, String name) {
        String clean = FilePaths.clean(path);
        List<TarEntry> members = new ArrayList<>();
        for (Map.Entry<String, FileNode> entry : tree.subtree(clean).entrySet()) {
            String relative = entry.getKey().equals(clean) ? ""
                    : entry.getKey().substring(clean.equals("/") ? 1 : clean.length() + 1);
            String member = name.isEmpty() ? relative : relative.isEmpty() ? name : name + "/" + relative;
            if (!member.isEmpty()) {
                members.add(entry.getValue().toTar(member));
            }
        }
        return members;
    }

    /** The whole tree as {@code docker export} writes it: every entry but the root, relative names. */
    public static List<TarEntry> export(FileTree tree) {
        return members(tree, "/", "");
    }

    /**
     * Extracts {@code members} into directory {@code dir} of {@code tree} as dockerd's unpacker
     * does: parents are created, links in parents are followed inside the tree, hard links copy
     * their target, and directories get their archived times back once everything is in.
     *
     * @param noOverwriteDirNonDir refuse to replace a directory by a non-directory and vice versa
     * @throws DockerException 400 for such a replacement or a hard link to nothing
     */
    public static void extract(PathTree tree, String dir, List<TarEntry> members, boolean noOverwriteDirNonDir, Instant now) {
        Map<String, Instant> directoryTimes = new LinkedHashMap<>();
        for (TarEntry member : members) {
            if (member.name().isEmpty()) {
                continue;
            }
            String path = FilePaths.child(dir, member.name());
            String target = FilePaths.child(tree.resolve(FilePaths.parent(path), true), FilePaths.base(path));
            boolean directory = member.type() == TarEntry.Type.DIRECTORY;
            FileNode existing = tree.get(target).orElse(null);
            if (noOverwriteDirNonDir && existing != null && existing.isDirectory() != directory) {
                throw new DockerException(400, existing.isDirectory()
                        ? "cannot overwrite directory \"" + target + "\" with non-directory \"" + dir + "\""
                        : "cannot overwrite non-directory \"" + target + "\" with directory \"" + dir + "\"");
            }
            FileNode node;
            if (member.type() == TarEntry.Type.HARDLINK) {
                String linked = tree.resolve(FilePaths.child(dir, member.linkName()), false);
                node = tree.get(linked).filter(n -> !n.isDirectory()).orElseThrow(() -> new DockerException(400,
                        "hard link target \"" + member.linkName() + "\" of archive entry \"" + member.name() + "\" does not exist"));
            } else {
                node = FileNode.fromTar(member);
            }
            if (directory) {
                directoryTimes.put(target, member.mtime());
            }
            tree.write(target, node, now);
        }
        directoryTimes.forEach((path, time) -> tree.get(path).ifPresent(node -> tree.set(path, node.withMtime(time))));
    }
}
