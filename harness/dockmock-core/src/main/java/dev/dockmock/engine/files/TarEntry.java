package dev.dockmock.engine.files;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One member of a tar archive, as dockmock reads and writes them.
 *
 * @param name the member's path relative to the archive's root, {@code /}-separated, without a
 *     leading {@code ./} or a trailing {@code /}; the empty name is the root itself ({@code ./})
 * @param type what the member is
 * @param mode permission and special bits ({@code 07777})
 * @param uid owner user id
 * @param gid owner group id
 * @param mtime modification time
 * @param content a regular file's bytes; empty for every other type
 * @param linkName the target of a symbolic or hard link; empty otherwise
 */
public record TarEntry(String name, Type type, int mode, int uid, int gid, Instant mtime, byte[] content, String linkName) {

    /** The member types dockmock keeps; devices, fifos and sparse files are skipped on reading. */
    public enum Type {
        FILE, DIRECTORY, SYMLINK, HARDLINK
    }

    private static final byte[] NONE = new byte[0];

    public TarEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mtime, "mtime");
        content = content == null ? NONE : content;
        linkName = linkName == null ? "" : linkName;
        mode &= 07777;
        if (type != Type.FILE && content.length > 0) {
            throw new IllegalArgumentException("only regular files have content: " + name);
        }
    }

    public static TarEntry file(String name, byte[] content, int mode, Instant mtime) {
        return new TarEntry(name, Type.FILE, mode, 0, 0, mtime, content, "");
    }

    public static TarEntry file(String name, String text, int mode, Instant mtime) {
        return file(name, text.getBytes(StandardCharsets.UTF_8), mode, mtime);
    }

    public static TarEntry directory(String name, int mode, Instant mtime) {
        return new TarEntry(name, Type.DIRECTORY, mode, 0, 0, mtime, NONE, "");
    }

    public static TarEntry symlink(String name, String target, Instant mtime) {
        return new TarEntry(name, Type.SYMLINK, 0777, 0, 0, mtime, NONE, target);
    }

    public static TarEntry hardlink(String name, String target, Instant mtime) {
        return new TarEntry(name, Type.HARDLINK, 0644, 0, 0, mtime, NONE, target);
    }

    /** The size the header declares: the content's length for files, zero otherwise. */
    public long size() {
        return content.length;
    }

    /** The content as UTF-8 text. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
