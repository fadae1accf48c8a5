package dev.dockmock.contract;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared reference data and the repository's {@code reports/} directory are, seen from
 * a test run. The Docker API specs live outside the project ({@code ../shared/docker-api/}) and
 * are read in place, never copied.
 */
public final class SharedFiles {

    private SharedFiles() {
    }

    /**
     * The shared directory: the {@code dockmock.shared} system property (set by surefire), or
     * {@code ../../../shared} from the module directory.
     */
    public static Path sharedDir() {
        String configured = System.getProperty("dockmock.shared");
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path fallback = moduleDir().resolve("../../../shared").normalize();
        if (Files.isDirectory(fallback)) {
            return fallback;
        }
        throw new IllegalStateException("no shared directory: set -Ddockmock.shared (tried " + configured + " and " + fallback + ")");
    }

    /** The Swagger file of one API version, such as {@code 1.50}. */
    public static Path spec(String version) {
        Path file = sharedDir().resolve("docker-api").resolve("engine-api-v" + version + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no Docker API spec for " + version + " at " + file);
        }
        return file;
    }

    /** The directory the tests run in: the Maven module. */
    public static Path moduleDir() {
        return Path.of("").toAbsolutePath();
    }

    /** The repository root: the nearest directory above the module holding {@code pom.xml} and {@code harness/}. */
    public static Path repositoryRoot() {
        for (Path dir = moduleDir(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("harness"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + moduleDir());
    }
}
