package dev.dockmock.clients.scripted;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * dockerode, installed with npm into {@code target/node-clients/<version>} once per build (a
 * version already there is reused) and run with the {@code node} on the PATH, {@code NODE_PATH}
 * pointing at the install. Where node or npm is missing or the install fails, the reason is kept
 * so the tests can skip with it.
 */
public final class NodeDockerode {
    private static final Map<String, Found> INSTALLED = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeDockerode() {
    }

    /** dockerode at exactly {@code version} (e.g. {@code 4.0.12}), installed if it is not yet. */
    public static Found install(String version) {
        return INSTALLED.computeIfAbsent(version, NodeDockerode::installNow);
    }

    private static synchronized Found installNow(String version) {
        Outcome node = run(List.of("node", "--version"), 30);
        if (!node.ok()) {
            return Found.missing(version, "no node on the PATH: " + node.output());
        }
        Path prefix = targetDir().resolve("node-clients").resolve(version);
        Path modules = prefix.resolve("node_modules");
        if (!version.equals(installedVersion(modules))) {
            Outcome npm = run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", prefix.toString(),
                    "dockerode@" + version), 300);
            if (!npm.ok()) {
                return Found.missing(version, "npm install dockerode@" + version + " failed: " + npm.output());
            }
            if (!version.equals(installedVersion(modules))) {
                return Found.missing(version, "npm left no dockerode " + version + " in " + modules);
            }
        }
        ScriptedClient client = new ScriptedClient(List.of("node"), Map.of("NODE_PATH", modules.toString()));
        return new Found(version, node.output().strip(), client, null);
    }

    private static String installedVersion(Path modules) {
        Path manifest = modules.resolve("dockerode").resolve("package.json");
        try {
            return Files.isRegularFile(manifest) ? JSON.readTree(manifest.toFile()).path("version").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The module's {@code target}, the parent of the test classes' directory. */
    private static Path targetDir() {
        try {
            return Path.of(NodeDockerode.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Outcome(boolean ok, String output) {
    }

    private static Outcome run(List<String> command, int seconds) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
                try (InputStream in = process.getInputStream()) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            });
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Outcome(false, String.join(" ", command) + " took over " + seconds + " s");
            }
            String text = new String(out.join(), StandardCharsets.UTF_8);
            return new Outcome(process.exitValue() == 0, text.length() > 2000 ? text.substring(text.length() - 2000) : text);
        } catch (IOException e) {
            return new Outcome(false, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "interrupted");
        }
    }

    /**
     * dockerode at one version: a client that runs scripts with it, or why there is none.
     *
     * @param skipReason null when {@code client} can be used
     */
    public record Found(String dockerodeVersion, String nodeVersion, ScriptedClient client, String skipReason) {
        static Found missing(String version, String reason) {
            return new Found(version, null, null, reason);
        }

        /** Whether dockerode is installed and node runs. */
        public boolean available() {
            return skipReason == null;
        }

        @Override
        public String toString() {
            return "dockerode " + dockerodeVersion;
        }
    }
}
