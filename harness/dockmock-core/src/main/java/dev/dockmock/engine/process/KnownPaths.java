package dev.dockmock.engine.process;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * The files a process can see without a filesystem: an Alpine-like tree of directories, the
 * {@code /dev} devices and the applets' paths, for a process without a container's files.
 */
final class KnownPaths {
    /** {@code ls /} in an Alpine image. */
    static final List<String> ROOT = List.of("bin", "dev", "etc", "home", "lib", "media", "mnt", "opt", "proc", "root",
            "run", "sbin", "srv", "sys", "tmp", "usr", "var");

    private static final Set<String> MORE_DIRECTORIES = Set.of("/", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/local",
            "/usr/local/bin", "/usr/share", "/var/cache", "/var/lib", "/var/log", "/var/tmp", "/dev/shm");
    private static final Set<String> DEVICES = Set.of("/dev/null", "/dev/zero", "/dev/random", "/dev/urandom",
            "/dev/stdin", "/dev/stdout", "/dev/stderr", "/dev/tty");

    private KnownPaths() {
    }

    /** {@code path} made absolute against {@code workingDir}, with {@code .} and {@code ..} resolved. */
    static String absolute(String path, String workingDir) {
        return normalize(path.startsWith("/") ? path : workingDir + "/" + path);
    }

    /** Resolves {@code .} and {@code ..} in an absolute path, as {@code cd} does without a filesystem. */
    static String normalize(String path) {
        Deque<String> names = new ArrayDeque<>();
        for (String name : path.split("/")) {
            if (name.equals("..")) {
                names.pollLast();
            } else if (!name.isEmpty() && !name.equals(".")) {
                names.addLast(name);
            }
        }
        return "/" + String.join("/", names);
    }

    /** The directory holding {@code path} ({@code /} for a name at the top). */
    static String parent(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = trimmed.lastIndexOf('/');
        return slash <= 0 ? "/" : trimmed.substring(0, slash);
    }

    static boolean isDirectory(String path) {
        return MORE_DIRECTORIES.contains(path) || path.lastIndexOf('/') == 0 && ROOT.contains(path.substring(1));
    }

    static boolean isDevice(String path) {
        return DEVICES.contains(path);
    }

    /** An applet's path ({@code /bin/sh}) or busybox itself. */
    static boolean isProgram(String path) {
        return path.equals("/bin/busybox") || path.lastIndexOf('/') > 0 && Applets.find(path).isPresent();
    }

    static boolean exists(String path) {
        return isDirectory(path) || isDevice(path) || isProgram(path);
    }
}
