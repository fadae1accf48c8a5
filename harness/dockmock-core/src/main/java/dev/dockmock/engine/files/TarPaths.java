package dev.dockmock.engine.files;

import dev.dockmock.protocol.DockerException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Member names as dockmock accepts them: relative, and never leaving the directory an archive is
 * extracted into. Nothing touches a real filesystem, but a fake that quietly accepted what
 * dockerd's extraction would have mangled would hide bugs in the clients under test.
 */
final class TarPaths {

    private TarPaths() {
    }

    /**
     * The cleaned relative form of a member name or hard-link target ({@code ./a//b/} becomes
     * {@code a/b}, {@code .} becomes the empty root name).
     *
     * @throws DockerException 400 naming the entry when it is absolute or climbs out with {@code ..}
     */
    static String clean(String raw, String entry) {
        if (raw.startsWith("/")) {
            throw refuse(entry, "has an absolute path");
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : raw.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw refuse(entry, "would escape the destination directory");
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    private static DockerException refuse(String entry, String why) {
        return new DockerException(400, "refusing to extract archive entry \"" + entry + "\": it " + why);
    }
}
