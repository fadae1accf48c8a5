package dev.dockmock.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the real docker CLI with a process timeout and a private home, so the user's
 * {@code ~/.docker/config.json}, contexts and {@code DOCKER_*} variables never leak in. Variables a
 * test wants (such as {@code DOCKER_HOST}) are added with {@link #withEnv}.
 */
public final class DockerCli {
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Path home;
    private final Duration timeout;
    private final Map<String, String> env;

    /**
     * What the CLI showed.
     *
     * @param exitCode the process exit code
     * @param stdout standard output
     * @param stderr standard error
     */
    public record Result(int exitCode, String stdout, String stderr) {
        /** Standard output then standard error, for assertions on what a user would see. */
        public String output() {
            return stdout + stderr;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private DockerCli(Path home, Duration timeout, Map<String, String> env) {
        this.home = home;
        this.timeout = timeout;
        this.env = Map.copyOf(env);
    }

    /** A CLI whose {@code HOME} and {@code DOCKER_CONFIG} live under {@code home}; each run gets {@code timeout}. */
    public static DockerCli withHome(Path home, Duration timeout) {
        return new DockerCli(home, timeout, Map.of());
    }

    /**
     * This CLI with {@code extra} added to the environment of every run ({@code DOCKER_HOST}, ...).
     * {@code PATH}, {@code HOME} and {@code DOCKER_CONFIG} stay as this class sets them.
     */
    public DockerCli withEnv(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(env);
        merged.putAll(extra);
        return new DockerCli(home, timeout, merged);
    }

    /** The docker executable: {@code -Ddockmock.docker=...} or {@code docker} on the PATH. */
    public static String executable() {
        return System.getProperty("dockmock.docker", "docker");
    }

    /** Whether the docker executable can be found. */
    public static boolean available() {
        String exe = executable();
        if (exe.contains(File.separator)) {
            return Files.isExecutable(Path.of(exe));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code docker args...} with empty stdin; a run that outlives the timeout is killed and fails the test. */
    public Result run(String... args) throws IOException, InterruptedException {
        return runWithInput(null, args);
    }

    /**
     * Runs {@code docker args...} with {@code stdin} piped to it and then closed (as {@code printf ... | docker ...});
     * {@code null} means empty stdin. A run that outlives the timeout is killed and fails the test.
     */
    public Result runWithInput(byte[] stdin, String... args) throws IOException, InterruptedException {
        Path config = Files.createDirectories(home.resolve(".docker"));
        int run = RUNS.incrementAndGet();
        Path out = home.resolve("docker-" + run + ".out");
        Path err = home.resolve("docker-" + run + ".err");
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null")) : ProcessBuilder.Redirect.PIPE);
        Map<String, String> environment = builder.environment();
        String path = environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.clear();
        environment.put("DOCKER_CLI_HINTS", "false");
        environment.putAll(env);
        environment.put("PATH", path);
        environment.put("HOME", home.toString());
        environment.put("DOCKER_CONFIG", config.toString());
        Process process = builder.start();
        if (stdin != null) {
            // On its own thread, so that a CLI that never reads its input still meets the timeout.
            Thread feeder = new Thread(() -> {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(stdin);
                } catch (IOException closedEarly) {
                    // The CLI may exit before reading all of its input; what it did is in its output.
                }
            }, "docker-cli-stdin-" + run);
            feeder.setDaemon(true);
            feeder.start();
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError("docker " + String.join(" ", args) + " did not finish within " + timeout
                    + "\n--- stdout\n" + Files.readString(out) + "--- stderr\n" + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
