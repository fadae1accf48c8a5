package dev.dockmock.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end time of {@code docker run --rm --network none alpine echo hi} with the docker
 * CLI on the PATH: the whole process, from starting it to its exit, with "hi" on its output.
 * The same command runs against both servers ({@code alpine} is busybox-static on the real
 * dockerd; {@code --network none} because that dockerd has no bridge).
 */
final class DockerRunBench {
    static final String SECTION = "docker run";
    static final String NAME = "docker run --rm --network none alpine echo hi";

    private DockerRunBench() {
    }

    /** Median over {@code repeats} runs after one unmeasured run; a missing figure when the CLI is absent. */
    static Figure measure(String target, Path socket, int repeats) {
        Path config;
        try {
            config = Files.createTempDirectory("dmb-docker");
        } catch (IOException e) {
            return Figure.missing(SECTION, NAME, target, "ms", "no temp directory: " + e.getMessage());
        }
        try {
            once(socket, config);
            double[] millis = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                once(socket, config);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            return Figure.of(SECTION, NAME, target, "ms", millis);
        } catch (IOException e) {
            return Figure.missing(SECTION, NAME, target, "ms", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Figure.missing(SECTION, NAME, target, "ms", "interrupted");
        } finally {
            config.toFile().delete();
        }
    }

    private static void once(Path socket, Path config) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("docker", "-H", "unix://" + socket, "run", "--rm",
                "--network", "none", "alpine", "echo", "hi")).redirectErrorStream(true);
        builder.environment().put("DOCKER_CONFIG", config.toString());
        builder.environment().remove("DOCKER_HOST");
        builder.environment().remove("DOCKER_CONTEXT");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("docker CLI not installed");
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0
                || !new String(output, StandardCharsets.UTF_8).trim().equals("hi")) {
            process.destroyForcibly();
            throw new IOException("docker run failed: " + new String(output, StandardCharsets.UTF_8).trim());
        }
    }
}
