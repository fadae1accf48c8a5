package dev.dockmock.engine.files;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an in-memory filesystem. Immutable: a change makes a new node, so a node shared
 * between an image's tree and a container's tree is unchanged exactly while it is the same object.
 *
 * @param type what it is
 * @param mode permission and special bits ({@code 07777})
 * @param uid owner user id
 * @param gid owner group id
 * @param mtime modification time
 * @param content a regular file's bytes (empty for other types)
 * @param linkTarget a symbolic link's target as written (empty for other types)
 */
public record FileNode(Type type, int mode, int uid, int gid, Instant mtime, byte[] content, String linkTarget) {

    /** The kinds of entries the fake keeps. */
    public enum Type {
        DIRECTORY, FILE, SYMLINK
    }

    private static final byte[] NONE = new byte[0];

    public FileNode {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mtime, "mtime");
        content = content == null ? NONE : content;
        linkTarget = linkTarget == null ? "" : linkTarget;
        mode &= 07777;
    }

    public static FileNode directory(int mode, Instant mtime) {
        return new FileNode(Type.DIRECTORY, mode, 0, 0, mtime, NONE, "");
    }

    public static FileNode file(byte[] content, int mode, Instant mtime) {
        return new FileNode(Type.FILE, mode, 0, 0, mtime, content, "");
    }

    public static FileNode file(String text, int mode, Instant mtime) {
        return file(text.getBytes(StandardCharsets.UTF_8), mode, mtime);
    }

    public static FileNode symlink(String target, Instant mtime) {
        return new FileNode(Type.SYMLINK, 0777, 0, 0, mtime, NONE, target);
    }

    public boolean isDirectory() {
        return type == Type.DIRECTORY;
    }

    /** The size {@code lstat} would report: content length, link target length, 4096 for directories. */
    public long size() {
        return switch (type) {
            case FILE -> content.length;
            case SYMLINK -> linkTarget.getBytes(StandardCharsets.UTF_8).length;
            case DIRECTORY -> 4096;
        };
    }

    public FileNode withMtime(Instant newMtime) {
        return new FileNode(type, mode, uid, gid, newMtime, content, linkTarget);
    }

    public FileNode withMode(int newMode) {
        return new FileNode(type, newMode, uid, gid, mtime, content, linkTarget);
    }

    public FileNode withOwner(int newUid, int newGid) {
        return new FileNode(type, mode, newUid, newGid, mtime, content, linkTarget);
    }

    /** This node as a tar member named {@code name}. */
    public TarEntry toTar(String name) {
        return switch (type) {
            case FILE -> new TarEntry(name, TarEntry.Type.FILE, mode, uid, gid, mtime, content, "");
            case DIRECTORY -> new TarEntry(name, TarEntry.Type.DIRECTORY, mode, uid, gid, mtime, null, "");
            case SYMLINK -> new TarEntry(name, TarEntry.Type.SYMLINK, mode, uid, gid, mtime, null, linkTarget);
        };
    }

    /** The node a tar member describes; hard links are resolved by the caller. */
    public static FileNode fromTar(TarEntry entry) {
        return switch (entry.type()) {
            case FILE -> new FileNode(Type.FILE, entry.mode(), entry.uid(), entry.gid(), entry.mtime(), entry.content(), "");
            case DIRECTORY -> new FileNode(Type.DIRECTORY, entry.mode(), entry.uid(), entry.gid(), entry.mtime(), null, "");
            case SYMLINK -> new FileNode(Type.SYMLINK, 0777, entry.uid(), entry.gid(), entry.mtime(), null, entry.linkName());
            case HARDLINK -> throw new IllegalArgumentException("hard links are resolved against their target: " + entry.name());
        };
    }
}
