package dev.dockmock.scenario.run;

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
import java.util.concurrent.atomic.AtomicLong;

/** Runs the real docker CLI with a clean environment and kills it (and what it started) when it outlives its time-out. */
final class DockerProcess {
    private static final AtomicLong RUNS = new AtomicLong();
    private static final int MAX_OUTPUT = 256 * 1024;

    private DockerProcess() {
    }

    /** The docker executable: the {@code dockmock.docker} property, else {@code $DOCKMOCK_DOCKER}, else {@code docker} on the PATH. */
    static String executable() {
        String configured = System.getProperty("dockmock.docker", System.getenv("DOCKMOCK_DOCKER"));
        return configured == null || configured.isBlank() ? "docker" : configured;
    }

    static StepOutput run(List<String> args, Map<String, String> env, byte[] stdin, Path scratch, Duration timeout)
            throws IOException, InterruptedException {
        long run = RUNS.incrementAndGet();
        Path out = scratch.resolve("docker-" + run + ".out");
        Path err = scratch.resolve("docker-" + run + ".err");
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin == null) {
            builder.redirectInput(new File("/dev/null"));
        } else {
            Path in = scratch.resolve("docker-" + run + ".in");
            Files.write(in, stdin);
            builder.redirectInput(in.toFile());
        }
        Map<String, String> environment = builder.environment();
        String path = environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.clear();
        environment.put("PATH", path);
        environment.putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return StepOutput.error("cannot start " + executable() + ": " + e.getMessage()
                    + " (set DOCKMOCK_DOCKER to the docker CLI's path)");
        }
        boolean ended;
        try {
            ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        if (!ended) {
            kill(process);
            return new StepOutput(null, read(out), read(err), "docker " + String.join(" ", args) + " did not finish within "
                    + pretty(timeout) + " and was killed", null);
        }
        return new StepOutput(process.exitValue(), read(out), read(err), null, null);
    }

    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    private static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, 0, Math.min(bytes.length, MAX_OUTPUT), StandardCharsets.UTF_8);
        return bytes.length > MAX_OUTPUT ? text + "\n[... " + (bytes.length - MAX_OUTPUT) + " more bytes]" : text;
    }

    static String pretty(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
