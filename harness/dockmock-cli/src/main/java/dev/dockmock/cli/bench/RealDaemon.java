package dev.dockmock.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real dockerd for comparison, run by {@code scripts/real-dockerd} (root, Debian's docker.io
 * and busybox-static; the image {@code alpine} there is busybox-static). Reached only over its
 * unix socket; its containers use {@code --network none}.
 */
final class RealDaemon implements AutoCloseable {
    private final Path script;
    private final Path directory;
    /** Stops the daemon if the bench is ended (Ctrl-C) before {@link #close()}. */
    private final Thread stopOnExit = new Thread(this::stop, "bench-dockerd-stop");
    private boolean closed;

    private RealDaemon(Path script, Path directory) {
        this.script = script;
        this.directory = directory;
    }

    /** Why no real dockerd can be used here, or empty when one can. */
    static Optional<String> unavailable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("not root");
        }
        if (!Files.isExecutable(Path.of("/usr/sbin/dockerd")) && !Files.isExecutable(Path.of("/usr/bin/dockerd"))) {
            return Optional.of("dockerd not installed");
        }
        if (script().isEmpty()) {
            return Optional.of("scripts/real-dockerd not found (run from the dockmock checkout)");
        }
        return Optional.empty();
    }

    /** Starts one in a new directory under /tmp (short, for the socket path). */
    static RealDaemon start(PrintStream log) throws IOException, InterruptedException {
        Path script = script().orElseThrow(() -> new IOException("scripts/real-dockerd not found"));
        Path directory = Path.of("/tmp", "dmbd-" + ProcessHandle.current().pid());
        RealDaemon daemon = new RealDaemon(script, directory);
        Runtime.getRuntime().addShutdownHook(daemon.stopOnExit);
        if (daemon.run("start") != 0) {
            daemon.close();
            throw new IOException("scripts/real-dockerd start failed; see " + directory.resolve("dockerd.log"));
        }
        log.println("  real dockerd on unix://" + daemon.socket());
        return daemon;
    }

    Path socket() {
        return directory.resolve("dockerd.sock");
    }

    UnixDomainSocketAddress address() {
        return UnixDomainSocketAddress.of(socket());
    }

    /** Sends one request and reads its (Content-Length framed) answer. */
    RawAnswer call(String method, String target, String json) throws IOException {
        Endpoint endpoint = json == null ? Endpoint.get(target) : Endpoint.postJson(target, json);
        byte[] request = json != null || method.equals("GET") ? endpoint.request()
                : ("POST " + target + " HTTP/1.1\r\nHost: docker\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        return RawAnswer.exchange(address(), request);
    }

    private int run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(script.toString(), command, directory.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static Optional<Path> script() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("scripts").resolve("real-dockerd");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to
        }
        stop();
    }

    private void stop() {
        try {
            run("stop");
        } catch (IOException e) {
            // nothing more to do than the script does
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
