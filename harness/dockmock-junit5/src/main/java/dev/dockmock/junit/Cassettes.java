package dev.dockmock.junit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a test's cassette is: {@code <cassettes>/<Class>/<method>.jsonl} for a server per test,
 * {@code <cassettes>/<Class>.jsonl} for one per class, or the name the test gives. Replay falls back
 * to the classpath (the directory's part below {@code src/test/resources}).
 */
final class Cassettes {
    private static final Path RESOURCES = Path.of("src", "test", "resources");

    private Cassettes() {
    }

    /** The file recording writes, and replay reads first. */
    static Path file(Settings settings, TestTarget target) {
        return settings.cassettes().resolve(settings.cassette().orElseGet(() -> defaultName(target)));
    }

    static String defaultName(TestTarget target) {
        return target.testMethod().map(m -> target.className() + "/" + m.getName() + ".jsonl")
                .orElse(target.className() + ".jsonl");
    }

    /**
     * The cassette to replay: the file, else the classpath resource (copied into {@code scratch}
     * when it is inside a jar); empty when neither exists.
     */
    static Optional<Path> find(Settings settings, TestTarget target, Path scratch) throws IOException {
        Path file = file(settings, target);
        if (Files.isRegularFile(file)) {
            return Optional.of(file);
        }
        Optional<String> resource = resourceName(file);
        if (resource.isEmpty()) {
            return Optional.empty();
        }
        URL url = Thread.currentThread().getContextClassLoader().getResource(resource.get());
        if (url == null) {
            return Optional.empty();
        }
        if (url.getProtocol().equals("file")) {
            try {
                return Optional.of(Path.of(url.toURI()));
            } catch (URISyntaxException e) {
                throw new IOException("cannot read cassette " + url + ": " + e.getMessage(), e);
            }
        }
        Path copy = scratch.resolve("cassette.jsonl");
        try (InputStream in = url.openStream()) {
            Files.copy(in, copy);
        }
        return Optional.of(copy);
    }

    /** {@code cassettes/Foo/bar.jsonl} for {@code src/test/resources/cassettes/Foo/bar.jsonl}. */
    static Optional<String> resourceName(Path file) {
        Path normal = file.normalize();
        if (normal.isAbsolute()) {
            Path cwd = Path.of("").toAbsolutePath();
            if (!normal.startsWith(cwd)) {
                return Optional.empty();
            }
            normal = cwd.relativize(normal);
        }
        if (!normal.startsWith(RESOURCES) || normal.getNameCount() <= RESOURCES.getNameCount()) {
            return Optional.empty();
        }
        return Optional.of(RESOURCES.relativize(normal).toString().replace('\\', '/'));
    }

    /** Where a missing cassette was looked for, for the failure message. */
    static String lookedIn(Settings settings, TestTarget target) {
        Path file = file(settings, target);
        return file.toAbsolutePath() + resourceName(file).map(r -> " and on the classpath as " + r).orElse("");
    }
}
