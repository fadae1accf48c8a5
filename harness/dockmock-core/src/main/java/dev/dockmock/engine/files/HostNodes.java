package dev.dockmock.engine.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Host files as {@link FileNode}s and back, never following a symbolic link: what
 * {@link HostTree} reads and writes. Owner and mode are the host's numbers; a change of owner
 * the host refuses (dockmock not running as root) is skipped, as the file then stays the caller's.
 */
final class HostNodes {
    private static final LinkOption NO_FOLLOW = LinkOption.NOFOLLOW_LINKS;

    private HostNodes() {
    }

    /** The node at {@code path}; empty when missing or neither a file, a directory nor a link (a socket, a device). */
    static Optional<FileNode> read(Path path) {
        try {
            Map<String, Object> unix = Files.readAttributes(path,
                    "unix:mode,uid,gid,lastModifiedTime,isDirectory,isRegularFile,isSymbolicLink", NO_FOLLOW);
            int mode = (Integer) unix.get("mode");
            int uid = (Integer) unix.get("uid");
            int gid = (Integer) unix.get("gid");
            Instant mtime = ((FileTime) unix.get("lastModifiedTime")).toInstant();
            if ((Boolean) unix.get("isSymbolicLink")) {
                return Optional.of(new FileNode(FileNode.Type.SYMLINK, 0777, uid, gid, mtime, null,
                        Files.readSymbolicLink(path).toString()));
            }
            if ((Boolean) unix.get("isDirectory")) {
                return Optional.of(new FileNode(FileNode.Type.DIRECTORY, mode, uid, gid, mtime, null, ""));
            }
            if ((Boolean) unix.get("isRegularFile")) {
                return Optional.of(new FileNode(FileNode.Type.FILE, mode, uid, gid, mtime, Files.readAllBytes(path), ""));
            }
            return Optional.empty();
        } catch (IOException missingOrUnreadable) {
            return Optional.empty(); // an unreadable file is as absent as one the process may not see
        }
    }

    /** Puts {@code node} at {@code path}, replacing what is there unless both are directories. */
    static void write(Path path, FileNode node) {
        try {
            BasicFileAttributes existing = Files.exists(path, NO_FOLLOW)
                    ? Files.readAttributes(path, BasicFileAttributes.class, NO_FOLLOW) : null;
            boolean keepDirectory = existing != null && existing.isDirectory() && node.isDirectory();
            if (existing != null && !keepDirectory && !(existing.isRegularFile() && node.type() == FileNode.Type.FILE)) {
                delete(path);
            }
            switch (node.type()) {
                case DIRECTORY -> {
                    if (!keepDirectory) {
                        Files.createDirectory(path);
                    }
                }
                case FILE -> Files.write(path, node.content(), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE, NO_FOLLOW);
                case SYMLINK -> Files.createSymbolicLink(path, Path.of(node.linkTarget()));
            }
            if (node.type() != FileNode.Type.SYMLINK) {
                Files.setAttribute(path, "unix:mode", node.mode() & 07777, NO_FOLLOW);
                Files.setLastModifiedTime(path, FileTime.from(node.mtime()));
            }
            owner(path, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void owner(Path path, FileNode node) {
        try {
            if (!Files.getAttribute(path, "unix:uid", NO_FOLLOW).equals(node.uid())) {
                Files.setAttribute(path, "unix:uid", node.uid(), NO_FOLLOW);
            }
            if (!Files.getAttribute(path, "unix:gid", NO_FOLLOW).equals(node.gid())) {
                Files.setAttribute(path, "unix:gid", node.gid(), NO_FOLLOW);
            }
        } catch (FileSystemException notPermitted) {
            // left as the host made it: only root may give files away
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether something is at the absolute host path {@code path} (a link there followed, as mount(2) follows it). */
    static boolean exists(String path) {
        return path.startsWith("/") && Files.exists(Path.of(path));
    }

    /** Makes the directory {@code path} and its missing parents ({@code -v}'s missing source). */
    static void makeDirectories(String path) throws IOException {
        Files.createDirectories(Path.of(path));
    }

    /** {@code statfs} of the filesystem holding {@code path}, in 1 KiB blocks: total, used, available. */
    static Optional<long[]> usage(String path) {
        try {
            java.nio.file.FileStore store = Files.getFileStore(Path.of(path));
            long total = store.getTotalSpace() / 1024;
            return Optional.of(new long[] {total, Math.max(0, total - store.getUnallocatedSpace() / 1024),
                    store.getUsableSpace() / 1024});
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    /** Removes {@code path} and, for a directory, everything below it; links are removed, not followed. */
    static void delete(Path path) {
        try {
            if (Files.isDirectory(path, NO_FOLLOW)) {
                List<Path> children;
                try (Stream<Path> list = Files.list(path)) {
                    children = list.toList();
                }
                for (Path child : children) {
                    delete(child);
                }
            }
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
