package dev.dockmock.testing;

import dev.dockmock.protocol.DockerHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/** The two plain transports a server test runs over; each gives fresh host strings to listen on. */
public enum Wire {
    TCP,
    UNIX;

    /** A host to listen on: loopback port 0, or a short socket path in a fresh directory. */
    public DockerHost host() {
        return this == TCP ? new DockerHost.Tcp("127.0.0.1", 0) : freshUnix();
    }

    /**
     * A socket path such as {@code /tmp/dm-1a2b3c4d/s.sock} in a directory that exists and is
     * empty. Short on purpose: unix socket paths of 107 bytes or more cannot be bound.
     */
    public static DockerHost.Unix freshUnix() {
        return new DockerHost.Unix(freshDirectory().resolve("s.sock"));
    }

    /** A new, empty directory under {@code /tmp} with a short name, deleted with its contents when the JVM exits. */
    public static Path freshDirectory() {
        try {
            Path dir = Path.of("/tmp", "dm-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
            Files.createDirectories(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // already gone
        }
    }
}
