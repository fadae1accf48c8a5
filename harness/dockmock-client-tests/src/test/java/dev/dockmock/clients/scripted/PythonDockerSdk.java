package dev.dockmock.clients.scripted;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the Python 3 interpreters that have docker-py (the {@code docker} package, PyPI's
 * "docker"): the one on the PATH, pyenv's, and Debian's ({@code python3-docker}, 5.0.3, which
 * {@code .ci/run} installs), one per docker-py version.
 */
public final class PythonDockerSdk {
    private PythonDockerSdk() {
    }

    /** Every interpreter that imports {@code docker}, the first found for each docker-py version. */
    public static List<Found> all() {
        List<String> candidates = new ArrayList<>(List.of("python3"));
        candidates.add(System.getProperty("user.home") + "/.pyenv/shims/python3");
        candidates.add("/usr/bin/python3");
        Map<String, Found> byVersion = new LinkedHashMap<>();
        for (String candidate : candidates) {
            version(candidate).ifPresent(version -> byVersion.putIfAbsent(version,
                    new Found(new ScriptedClient(List.of(candidate), Map.of()), candidate, version)));
        }
        return List.copyOf(byVersion.values());
    }

    private static Optional<String> version(String python) {
        if (python.contains("/") && !Files.isExecutable(Path.of(python))) {
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder(python, "-c", "import docker; print(docker.__version__)")
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 && !out.isEmpty() ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** An interpreter with docker-py. */
    public record Found(ScriptedClient client, String python, String sdkVersion) {
        /** True from docker-py 6.1, which added the job modes to {@code ServiceMode}. */
        public boolean hasJobModes() {
            String[] parts = sdkVersion.split("\\.");
            int major = Integer.parseInt(parts[0]);
            return major > 6 || major == 6 && parts.length > 1 && Integer.parseInt(parts[1]) >= 1;
        }

        @Override
        public String toString() {
            return "docker-py " + sdkVersion;
        }
    }
}
