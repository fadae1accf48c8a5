package dev.dockmock.cli.soak;

import dev.dockmock.protocol.DockerHost;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A client of the soak that is the docker CLI itself: it loops {@code docker run --rm alpine echo
 * soak} and {@code docker ps -a}, checking exit codes and output, so the load includes what a real
 * client negotiates (version, hijacked attach, wait, auto-remove).
 */
final class DockerCliClient {
    private final Path docker;
    private final DockerHost.Unix host;
    private final SoakTally tally;

    private DockerCliClient(Path docker, DockerHost.Unix host, SoakTally tally) {
        this.docker = docker;
        this.host = host;
        this.tally = tally;
    }

    /** A client when an executable {@code docker} is on the PATH. */
    static Optional<DockerCliClient> find(DockerHost.Unix host, SoakTally tally) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "docker");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new DockerCliClient(candidate, host, tally));
            }
        }
        return Optional.empty();
    }

    Path executable() {
        return docker;
    }

    void runUntil(long deadlineNanos) {
        while (System.nanoTime() < deadlineNanos && !Thread.currentThread().isInterrupted()) {
            run("docker-run", "soak", "run", "--rm", MixedClient.IMAGE, "echo", "soak");
            run("docker-ps", "CONTAINER ID", "ps", "-a");
        }
    }

    private void run(String operation, String expected, String... args) {
        List<String> command = new ArrayList<>(List.of(docker.toString(), "--host", "unix://" + host.path()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("DOCKER_CONTEXT");
        builder.environment().remove("DOCKER_TLS_VERIFY");
        tally.count(operation);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                tally.fail(operation, "no exit within 60 s: " + output);
            } else if (process.exitValue() != 0 || !output.contains(expected)) {
                tally.fail(operation, "exit " + process.exitValue() + ": " + output.strip());
            }
        } catch (IOException e) {
            tally.fail(operation, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
