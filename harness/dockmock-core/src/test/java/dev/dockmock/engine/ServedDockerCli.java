package dev.dockmock.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.server.DockMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real docker CLI against a dockmock server on a fresh short unix socket, with its own HOME
 * and DOCKER_CONFIG so no user configuration leaks in. Every command has a 20 s limit.
 */
public final class ServedDockerCli implements AutoCloseable {
    private static final Path DOCKER = Path.of("/usr/local/bin/docker");

    private final Path dir;
    private final Path socket;
    private final DockMockServer server;

    /** What a command did. */
    public record Result(int exitCode, String stdout, String stderr) {
        public String all() {
            return stdout + stderr;
        }
    }

    private ServedDockerCli(Path dir, Path socket, DockMockServer server) {
        this.dir = dir;
        this.socket = socket;
        this.server = server;
    }

    /** Serves {@code dispatcher}; skips the calling test when the docker CLI is not installed. */
    public static ServedDockerCli serve(Dispatcher dispatcher) throws IOException {
        assumeThat(Files.isExecutable(DOCKER)).as("docker CLI at " + DOCKER).isTrue();
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "dm-");
        Path socket = dir.resolve("d.sock");
        DockMockServer server = DockMockServer.builder().host("unix://" + socket).dispatcher(dispatcher).build().start();
        Files.createDirectories(dir.resolve("home/.docker"));
        return new ServedDockerCli(dir, socket, server);
    }

    /** A scratch directory for files the test hands to the CLI. */
    public Path workDir() throws IOException {
        return Files.createDirectories(dir.resolve("work"));
    }

    public Result run(String... args) throws IOException, InterruptedException {
        return run(workDir(), Map.of(), args);
    }

    /** Runs {@code docker args...} and fails the test unless it exits 0 (the message holds the command and its output). */
    public Result ok(String... args) throws IOException, InterruptedException {
        Result result = run(args);
        assertThat(result.exitCode()).as("docker " + String.join(" ", args) + ": " + result.all()).isZero();
        return result;
    }

    /** Runs {@code docker args...} in {@code cwd} with extra environment. */
    public Result run(Path cwd, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(cwd, env, new byte[0], args);
    }

    /** Runs {@code docker args...} with {@code stdin} piped in (then closed), as {@code echo data | docker ...}. */
    public Result runWithStdin(String stdin, String... args) throws IOException, InterruptedException {
        return run(workDir(), Map.of(), stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8), args);
    }

    private Result run(Path cwd, Map<String, String> env, byte[] stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(DOCKER.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> environment = builder.environment();
        List.of("DOCKER_CONTEXT", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH", "DOCKER_API_VERSION", "DOCKER_BUILDKIT")
                .forEach(environment::remove);
        environment.put("DOCKER_HOST", "unix://" + socket);
        environment.put("HOME", dir.resolve("home").toString());
        environment.put("DOCKER_CONFIG", dir.resolve("home/.docker").toString());
        environment.putAll(env);
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            in.write(stdin);
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("docker " + String.join(" ", args) + " did not finish within 20 s; stderr so far: "
                    + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Starts {@code docker args...} in a pseudo-terminal, for {@code -it} sessions typed by the test. */
    public TerminalCli terminal(String... args) throws IOException {
        return terminal(0, 0, args);
    }

    /** As {@link #terminal(String...)}, the pty sized {@code rows} x {@code columns}. */
    public TerminalCli terminal(int rows, int columns, String... args) throws IOException {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("DOCKER_HOST", "unix://" + socket);
        env.put("HOME", dir.resolve("home").toString());
        env.put("DOCKER_CONFIG", dir.resolve("home/.docker").toString());
        env.put("DOCKER_CLI_HINTS", "false");
        List<String> command = new ArrayList<>(List.of(DOCKER.toString()));
        command.addAll(List.of(args));
        return TerminalCli.start(env, workDir(), rows, columns, command);
    }

    @Override
    public void close() throws IOException {
        server.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
