package dev.dockmock.engine.files;

import java.util.ArrayList;
import java.util.List;

/** Absolute, {@code /}-separated paths inside an in-memory filesystem. */
public final class FilePaths {

    private FilePaths() {
    }

    /**
     * The clean absolute form of {@code path}, taken relative to {@code /} as dockerd joins a
     * client's path to a container's root: {@code ..} never climbs above the root.
     */
    public static String clean(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** The parent of a clean absolute path; the root is its own parent. */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** The last element of a clean absolute path; {@code /} for the root. */
    public static String base(String path) {
        return path.equals("/") ? "/" : path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code dir/name} for a clean directory and a relative name. */
    public static String child(String dir, String name) {
        if (name.isEmpty()) {
            return dir;
        }
        return clean(dir.equals("/") ? "/" + name : dir + "/" + name);
    }

    /** Whether a path as a client wrote it names a directory's contents ({@code dir/} or {@code dir/.}). */
    public static boolean namesContents(String raw) {
        return raw.endsWith("/") || raw.endsWith("/.") || raw.equals(".");
    }

    /** The elements of a clean absolute path, none for the root. */
    static List<String> elements(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** Whether {@code path} is {@code dir} or lies below it. */
    public static boolean within(String path, String dir) {
        return dir.equals("/") || path.equals(dir) || path.startsWith(dir + "/");
    }
}
