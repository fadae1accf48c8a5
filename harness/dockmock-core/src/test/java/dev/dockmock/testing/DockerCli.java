package dev.dockmock.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the real docker CLI with a process timeout and a private home, so the user's
 * {@code ~/.docker/config.json}, contexts and {@code DOCKER_*} variables never leak in.
 */
public final class DockerCli {
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Path home;
    private final Duration timeout;
    private final Map<String, String> extraEnv;
    private final byte[] stdin;

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

    private DockerCli(Path home, Duration timeout, Map<String, String> extraEnv, byte[] stdin) {
        this.home = home;
        this.timeout = timeout;
        this.extraEnv = Map.copyOf(extraEnv);
        this.stdin = stdin;
    }

    /** A CLI whose {@code HOME} and {@code DOCKER_CONFIG} live under {@code home}; each run gets {@code timeout}. */
    public static DockerCli withHome(Path home, Duration timeout) {
        return new DockerCli(home, timeout, Map.of(), null);
    }

    /** The same CLI talking to {@code dockerHost} through {@code DOCKER_HOST}. */
    public DockerCli host(String dockerHost) {
        return env("DOCKER_HOST", dockerHost);
    }

    /** The same CLI with one more environment variable. */
    public DockerCli env(String name, String value) {
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put(name, value);
        return new DockerCli(home, timeout, env, stdin);
    }

    /** The same CLI with {@code text} piped to its standard input (then end of file). */
    public DockerCli stdin(String text) {
        return new DockerCli(home, timeout, extraEnv, text.getBytes(StandardCharsets.UTF_8));
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

    /** Runs {@code docker args...}; a run that outlives the timeout is killed and fails the test. */
    public Result run(String... args) throws IOException, InterruptedException {
        Path config = Files.createDirectories(home.resolve(".docker"));
        int run = RUNS.incrementAndGet();
        Path out = home.resolve("docker-" + run + ".out");
        Path err = home.resolve("docker-" + run + ".err");
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.addAll(List.of(args));
        Path in = home.resolve("docker-" + run + ".in");
        Files.write(in, stdin == null ? new byte[0] : stdin);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null")) : ProcessBuilder.Redirect.from(in.toFile()));
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
            throw new AssertionError("docker " + String.join(" ", args) + " did not finish within " + timeout
                    + "\n--- stdout\n" + Files.readString(out) + "--- stderr\n" + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
