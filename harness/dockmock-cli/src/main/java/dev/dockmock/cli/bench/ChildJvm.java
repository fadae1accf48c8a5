package dev.dockmock.cli.bench;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server in a JVM of its own, started with this JVM's java and class path, so that its resident
 * memory is its own. Its output goes to a log file; it is ready once it answers a request.
 */
final class ChildJvm implements AutoCloseable {
    private static final long READY_TIMEOUT_NANOS = 60_000_000_000L;

    private final Process process;
    private final String name;

    private ChildJvm(Process process, String name) {
        this.process = process;
        this.name = name;
    }

    /** Starts {@code mainClass args...}; {@code log} gets its stdout and stderr. */
    static ChildJvm start(String name, String mainClass, List<String> args, Path log) throws IOException {
        List<String> command = command(List.of(), mainClass, args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildJvm(process, name);
    }

    /** The command line of a JVM like this one (same java, same class path) running {@code mainClass args...}. */
    static List<String> command(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** Waits until {@code request} to {@code address} gets a 2xx answer. */
    void awaitReady(SocketAddress address, byte[] request) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT_NANOS;
        IOException last = null;
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with code " + process.exitValue() + " before it was ready");
            }
            try {
                if (RawAnswer.exchange(address, request).status() / 100 == 2) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(50);
        }
        close();
        throw new IOException(name + " did not answer within a minute: " + last);
    }

    long pid() {
        return process.pid();
    }

    long residentBytes() {
        return ProcessMemory.residentBytes(process.pid());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
