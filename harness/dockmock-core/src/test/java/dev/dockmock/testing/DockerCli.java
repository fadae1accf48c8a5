package dev.dockmock.testing;

import dev.dockmock.protocol.DockerHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real docker CLI against a host, isolated from the machine's own docker settings: a
 * fresh {@code HOME} and {@code DOCKER_CONFIG}, no {@code DOCKER_*} variables inherited, and a
 * time-out after which the process is killed.
 */
public final class DockerCli {
    /** The binary used unless the {@code dockmock.docker} system property names another. */
    public static final String DEFAULT_BINARY = "/usr/local/bin/docker";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private DockerCli() {
    }

    /**
     * What one run printed and how it ended.
     *
     * @param exitCode the exit status, or -1 when the run timed out
     */
    public record Result(int exitCode, String stdout, String stderr, boolean timedOut) {
        /** Both outputs, for assertion messages. */
        public String output() {
            return "exit " + exitCode + (timedOut ? " (timed out)" : "") + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    public static Path binary() {
        return Path.of(System.getProperty("dockmock.docker", DEFAULT_BINARY));
    }

    /** Whether the CLI can be run here; tests use it with {@code assumeTrue}. */
    public static boolean available() {
        return Files.isExecutable(binary());
    }

    /** Runs {@code docker -H host args...} with the default time-out. */
    public static Result run(DockerHost host, String... args) {
        return run(host, DEFAULT_TIMEOUT, Map.of(), args);
    }

    /** Runs {@code docker -H host args...}; {@code env} adds variables to the isolated environment. */
    public static Result run(DockerHost host, Duration timeout, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(binary().toString(), "-H", host.toString()));
        command.addAll(List.of(args));
        Path home = null;
        try {
            home = Files.createTempDirectory("dm-cli-");
            Path out = home.resolve("stdout");
            Path err = home.resolve("stderr");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("DOCKER_"));
            environment.put("HOME", home.toString());
            environment.put("DOCKER_CONFIG", home.resolve(".docker").toString());
            environment.putAll(env);
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            return new Result(finished ? process.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), !finished);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            deleteTree(home);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
