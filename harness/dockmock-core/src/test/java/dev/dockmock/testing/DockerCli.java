package dev.dockmock.testing;

import dev.dockmock.protocol.DockerHost;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the real docker CLI with a process timeout and a private home, so the user's
 * {@code ~/.docker/config.json}, contexts and {@code DOCKER_*} variables never leak in.
 */
public final class DockerCli {
    /** The binary used unless the {@code dockmock.docker} system property names another. */
    public static final String DEFAULT_BINARY = "/usr/local/bin/docker";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    private static final int TIMED_OUT = -1;
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Path home;
    private final Duration timeout;
    private final Map<String, String> extraEnv;
    private final byte[] stdin;
    private final boolean failOnTimeout;

    /**
     * What the CLI showed.
     *
     * @param exitCode the process exit code, -1 when it was killed after its time-out
     * @param stdout standard output
     * @param stderr standard error
     */
    public record Result(int exitCode, String stdout, String stderr) {
        /** Standard output then standard error, for assertions on what a user would see. */
        public String output() {
            return stdout + stderr;
        }

        /** Whether the run was killed after its time-out. */
        public boolean timedOut() {
            return exitCode == TIMED_OUT;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private DockerCli(Path home, Duration timeout, Map<String, String> extraEnv, byte[] stdin, boolean failOnTimeout) {
        this.home = home;
        this.timeout = timeout;
        this.extraEnv = Map.copyOf(extraEnv);
        this.stdin = stdin;
        this.failOnTimeout = failOnTimeout;
    }

    /** A CLI whose {@code HOME} and {@code DOCKER_CONFIG} live under {@code home}; each run gets {@code timeout}. */
    public static DockerCli withHome(Path home, Duration timeout) {
        return new DockerCli(home, timeout, Map.of(), null, true);
    }

    /** Runs {@code docker -H host args...} once, in a throw-away home, with the default time-out. */
    public static Result run(DockerHost host, String... args) {
        return run(host, DEFAULT_TIMEOUT, Map.of(), args);
    }

    /** Runs {@code docker -H host args...} once; {@code env} adds variables; a time-out gives exit code -1. */
    public static Result run(DockerHost host, Duration timeout, Map<String, String> env, String... args) {
        Path home = null;
        try {
            home = Files.createTempDirectory("dm-cli-");
            DockerCli cli = new DockerCli(home, timeout, env, null, false);
            List<String> all = new ArrayList<>(List.of("-H", host.toString()));
            all.addAll(List.of(args));
            return cli.run(all.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running docker", e);
        } finally {
            deleteTree(home);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    /** The same CLI talking to {@code dockerHost} through {@code DOCKER_HOST}. */
    public DockerCli host(String dockerHost) {
        return env("DOCKER_HOST", dockerHost);
    }

    /** The same CLI with one more environment variable. */
    public DockerCli env(String name, String value) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put(name, value);
        return new DockerCli(home, timeout, env, stdin, failOnTimeout);
    }

    /** The same CLI with these environment variables added. */
    public DockerCli withEnv(Map<String, String> variables) {
        DockerCli cli = this;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            cli = cli.env(variable.getKey(), variable.getValue());
        }
        return cli;
    }

    /** Runs with {@code input} piped to standard input. */
    public Result runWithInput(byte[] input, String... args) throws IOException, InterruptedException {
        return new DockerCli(home, timeout, extraEnv, input, failOnTimeout).run(args);
    }

    /** The same CLI with {@code text} piped to its standard input (then end of file). */
    public DockerCli stdin(String text) {
        return new DockerCli(home, timeout, extraEnv, text.getBytes(StandardCharsets.UTF_8), failOnTimeout);
    }

    public static Path binary() {
        return Path.of(System.getProperty("dockmock.docker", DEFAULT_BINARY));
    }

    /** The docker executable, as a command name or path. */
    public static String executable() {
        return binary().toString();
    }

    /** Whether the docker executable can be run here; tests use it with {@code assumeTrue}. */
    public static boolean available() {
        return Files.isExecutable(binary());
    }

    /** Runs {@code docker args...}, which must exit 0; otherwise the test fails, showing the command and its output. */
    public Result ok(String... args) throws IOException, InterruptedException {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("docker " + String.join(" ", args) + " exited " + result.exitCode() + "\n" + result);
        }
        return result;
    }

    /** Runs {@code docker args...}; a run that outlives the time-out is killed (and fails the test, for CLIs made by {@link #withHome}). */
    public Result run(String... args) throws IOException, InterruptedException {
        Path config = Files.createDirectories(home.resolve(".docker"));
        int run = RUNS.incrementAndGet();
        Path out = home.resolve("docker-" + run + ".out");
        Path err = home.resolve("docker-" + run + ".err");
        Path in = home.resolve("docker-" + run + ".in");
        Files.write(in, stdin == null ? new byte[0] : stdin);
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(stdin == null ? new File("/dev/null") : in.toFile()));
        Map<String, String> env = builder.environment();
        String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("HOME", home.toString());
        env.put("DOCKER_CONFIG", config.toString());
        env.put("DOCKER_CLI_HINTS", "false");
        env.putAll(extraEnv);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            if (failOnTimeout) {
                throw new AssertionError("docker " + String.join(" ", args) + " did not finish within " + timeout
                        + "\n--- stdout\n" + Files.readString(out) + "--- stderr\n" + Files.readString(err));
            }
            return new Result(TIMED_OUT, Files.readString(out), Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
