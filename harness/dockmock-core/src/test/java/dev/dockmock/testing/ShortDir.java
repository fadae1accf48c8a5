package dev.dockmock.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh directory under {@code /tmp} with a short path: unix socket paths of 107 bytes or more
 * fail, and JUnit's temporary directories can get close to that.
 */
public final class ShortDir implements AutoCloseable {
    private final Path path;

    private ShortDir(Path path) {
        this.path = path;
    }

    public static ShortDir create() {
        try {
            return new ShortDir(Files.createTempDirectory(Path.of("/tmp"), "dm"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path() {
        return path;
    }

    /** {@code unix:///tmp/dmNNN/name}. */
    public String socket(String name) {
        return "unix://" + path.resolve(name);
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
