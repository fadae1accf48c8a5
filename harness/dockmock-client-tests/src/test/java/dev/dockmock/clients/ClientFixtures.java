package dev.dockmock.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dockmock.testing.CliSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The committed client sessions in {@code fixtures/sessions}: {@code NAME.jsonl} (the cassette
 * recorded from a real dockerd) and {@code NAME.expected.json} (what the client showed then).
 * The real-dockerd tests write both into the directory named by the system property
 * {@value #OUT_PROPERTY} when it is set ({@code scripts/record-fixtures} sets it and copies them).
 */
final class ClientFixtures {
    static final String OUT_PROPERTY = "dockmock.fixtures.out";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ClientFixtures() {
    }

    /** Writes the session's cassette and what the client showed into the output directory, if one is set. */
    static void saveIfAsked(String name, Path cassette, Object seen) throws IOException {
        String out = System.getProperty(OUT_PROPERTY);
        if (out == null || out.isBlank()) {
            return;
        }
        Path dir = Files.createDirectories(Path.of(out));
        Files.copy(cassette, dir.resolve(name + ".jsonl"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve(name + ".expected.json"), JSON.writeValueAsString(seen) + "\n");
    }

    static Path dir() {
        return CliSession.fixturesDir().orElseThrow(() -> new IllegalStateException("fixtures/sessions not found"));
    }

    static Path cassette(String name) {
        return dir().resolve(name + ".jsonl");
    }

    static <T> T expected(String name, Class<T> type) {
        try {
            return JSON.readValue(dir().resolve(name + ".expected.json").toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this JVM is the {@code testcontainers-real-dockerd} surefire execution (see the pom). */
    static boolean inTestcontainersExecution() {
        return System.getProperty("dockmock.tcrec.socket") != null && "true".equals(System.getenv("TESTCONTAINERS_RYUK_DISABLED"));
    }

    static Optional<Path> outDir() {
        return Optional.ofNullable(System.getProperty(OUT_PROPERTY)).filter(s -> !s.isBlank()).map(Path::of);
    }
}
