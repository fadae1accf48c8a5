package dev.dockmock.junit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh private directory for one server's unix socket (and TLS files), under {@code /tmp} where
 * it exists: unix socket paths of 107 bytes or more cannot be bound, and a build's temporary
 * directory can be deep. Removed with everything in it on close.
 */
final class SocketDir implements AutoCloseable {
    /** The longest socket path used; the kernel's limit is 107 bytes plus the terminating NUL. */
    static final int MAX_SOCKET_PATH = 100;

    private final Path dir;

    private SocketDir(Path dir) {
        this.dir = dir;
    }

    static SocketDir create() throws IOException {
        Path tmp = Path.of("/tmp");
        Path base = Files.isDirectory(tmp) && Files.isWritable(tmp) ? tmp : Path.of(System.getProperty("java.io.tmpdir"));
        SocketDir created = new SocketDir(Files.createTempDirectory(base, "dm"));
        int length = created.socket().toString().getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_SOCKET_PATH) {
            created.close();
            throw new IOException("no short directory for a unix socket: " + created.socket() + " is " + length
                    + " bytes, and unix socket paths must stay under 108; make /tmp writable");
        }
        return created;
    }

    Path path() {
        return dir;
    }

    Path socket() {
        return dir.resolve("d.sock");
    }

    @Override
    public void close() throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
