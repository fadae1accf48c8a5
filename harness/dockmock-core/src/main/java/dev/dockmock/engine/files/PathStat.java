package dev.dockmock.engine.files;

import dev.dockmock.protocol.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code X-Docker-Container-Path-Stat} says about a path: the JSON of Go's
 * {@code ContainerPathStat}, base64-encoded.
 *
 * @param name the last element of the path
 * @param size the size {@code lstat} reports
 * @param mode Go's {@code os.FileMode}: permission bits plus type and special bits
 * @param mtime modification time
 * @param linkTarget for a symbolic link, its target fully resolved inside the container
 */
public record PathStat(String name, long size, long mode, Instant mtime, String linkTarget) {
    private static final long MODE_DIR = 1L << 31;
    private static final long MODE_SYMLINK = 1L << 27;
    private static final long MODE_SETUID = 1L << 23;
    private static final long MODE_SETGID = 1L << 22;
    private static final long MODE_STICKY = 1L << 20;

    public static PathStat of(String name, FileNode node, String linkTarget) {
        return new PathStat(name, node.size(), goMode(node), node.mtime(), linkTarget);
    }

    /** A node's mode as Go's {@code os.FileMode} bits, which is what clients decode. */
    public static long goMode(FileNode node) {
        long mode = node.mode() & 0777;
        if ((node.mode() & 04000) != 0) {
            mode |= MODE_SETUID;
        }
        if ((node.mode() & 02000) != 0) {
            mode |= MODE_SETGID;
        }
        if ((node.mode() & 01000) != 0) {
            mode |= MODE_STICKY;
        }
        return switch (node.type()) {
            case DIRECTORY -> mode | MODE_DIR;
            case SYMLINK -> mode | MODE_SYMLINK;
            case FILE -> mode;
        };
    }

    /** The JSON document. */
    public Map<String, Object> toJson() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", name);
        doc.put("size", size);
        doc.put("mode", mode);
        doc.put("mtime", rfc3339(mtime));
        doc.put("linkTarget", linkTarget);
        return doc;
    }

    /** The header value: base64 of the JSON. */
    public String headerValue() {
        return Base64.getEncoder().encodeToString(Json.bytes(toJson()));
    }

    /** Go's {@code time.RFC3339Nano} in UTC: fraction without trailing zeros. */
    public static String rfc3339(Instant instant) {
        String seconds = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC).format(instant);
        if (instant.getNano() == 0) {
            return seconds + "Z";
        }
        String fraction = String.format("%09d", instant.getNano()).replaceAll("0+$", "");
        return seconds + "." + fraction + "Z";
    }
}
