package dev.dockmock.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's dockerd, started and stopped with {@code scripts/real-dockerd} (root, its own network
 * namespace, a busybox image imported as {@code alpine:3.20} and {@code alpine:latest}).
 * {@link #unavailableBecause()} says why it cannot run here, for an assumption.
 */
public final class RealDockerd implements AutoCloseable {
    private static final long START_SECONDS = 120;
    private static final long STOP_SECONDS = 90;

    private final Path script;
    private final Path dir;

    private RealDockerd(Path script, Path dir) {
        this.script = script;
        this.dir = dir;
    }

    /** Why a real dockerd cannot run here, or empty when it can. */
    public static Optional<String> unavailableBecause() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (!Integer.valueOf(0).equals(uid)) {
                return Optional.of("not root (uid " + uid + "): dockerd and network namespaces need root");
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.of("cannot tell the user id: " + e);
        }
        if (script().isEmpty()) {
            return Optional.of("scripts/real-dockerd not found above " + Path.of("").toAbsolutePath());
        }
        for (String tool : List.of("dockerd", "ip", "nsenter", "unshare")) {
            if (onPath(tool).isEmpty()) {
                return Optional.of(tool + " is not installed (apt-get install docker.io busybox-static)");
            }
        }
        Path busybox = Path.of("/bin/busybox");
        if (!Files.isExecutable(busybox) || isDynamic(busybox)) {
            return Optional.of("busybox-static is not installed (" + busybox + " missing or dynamically linked)");
        }
        return Optional.empty();
    }

    /** Starts a daemon with its state in a fresh short directory under {@code /tmp}. */
    public static RealDockerd start() throws IOException, InterruptedException {
        Path script = script().orElseThrow();
        // Short: the socket path must stay under 107 bytes.
        Path dir = Path.of("/tmp", "dmd-" + Long.toString(new SecureRandom().nextInt(Integer.MAX_VALUE), 36));
        RealDockerd daemon = new RealDockerd(script, dir);
        try {
            daemon.script("start", START_SECONDS);
        } catch (IOException | RuntimeException e) {
            // The script cleans up after its own failures, but not after being killed by the timeout.
            try {
                daemon.close();
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return daemon;
    }

    /** The daemon's socket as a {@code DOCKER_HOST} value. */
    public String host() {
        return "unix://" + dir.resolve("dockerd.sock");
    }

    /** The end of the daemon's log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("dockerd.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        script("stop", STOP_SECONDS);
    }

    private void script(String command, long seconds) throws IOException, InterruptedException {
        Path output = Files.createTempFile("real-dockerd-", ".out");
        try {
            Process process = new ProcessBuilder(script.toString(), command, dir.toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean done = process.waitFor(seconds, TimeUnit.SECONDS);
            if (!done) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            System.out.print(text);
            if (!done || process.exitValue() != 0) {
                throw new IllegalStateException(script + " " + command + " " + dir
                        + (done ? " failed with exit code " + process.exitValue() : " did not finish within " + seconds + "s")
                        + ":\n" + text);
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static Optional<Path> script() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolve("scripts/real-dockerd");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> onPath(String tool) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/local/sbin", "/usr/sbin", "/sbin"));
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst();
    }

    /** Whether {@code binary} is an ELF file with a program interpreter, i.e. not statically linked. */
    private static boolean isDynamic(Path binary) {
        try {
            Process ldd = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!ldd.waitFor(10, TimeUnit.SECONDS)) {
                ldd.destroyForcibly();
                return true;
            }
            // ldd answers "not a dynamic executable" with exit code 1 for a static binary.
            return ldd.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
