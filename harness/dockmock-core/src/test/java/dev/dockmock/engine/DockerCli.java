package dev.dockmock.engine;

import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.server.DockMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real docker CLI against an engine served on a fresh short unix socket, with its own HOME
 * and DOCKER_CONFIG so that nothing of the machine's docker set-up leaks in.
 */
public final class DockerCli implements AutoCloseable {
    public static final Path DOCKER = Path.of("/usr/local/bin/docker");
    private static final long TIMEOUT_SECONDS = 20;

    private final Path dir;
    private final Engine engine;
    private final DockMockServer server;

    /** What one command did. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public DockerCli() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "dm-");
        Files.createDirectories(dir.resolve("config"));
        engine = Engine.create(EngineConfig.defaults().withPorts(HostPorts.none()).withSeedImages(List.of("alpine:latest")));
        server = DockMockServer.builder().host("unix://" + dir.resolve("d.sock")).dispatcher(engine.dispatcher()).build().start();
    }

    public Engine engine() {
        return engine;
    }

    /** Runs {@code docker args...}; fails the test when it takes longer than 20 seconds. */
    public Result run(String... args) {
        return runWithInput(null, args);
    }

    public Result runWithInput(String stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(DOCKER.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("DOCKER_"));
        env.put("DOCKER_HOST", "unix://" + dir.resolve("d.sock"));
        env.put("HOME", dir.toString());
        env.put("DOCKER_CONFIG", dir.resolve("config").toString());
        env.put("DOCKER_CLI_HINTS", "false");
        builder.redirectOutput(dir.resolve("out").toFile());
        builder.redirectError(dir.resolve("err").toFile());
        try {
            Process process = builder.start();
            if (stdin != null) {
                process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("docker " + String.join(" ", args) + " took more than " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        engine.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
