package dev.dockmock.cli.soak;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/** Takes {@link Sample}s of this JVM: heap after a GC, RSS, live threads, open fds, and the request counters. */
final class Sampler {
    private final long startNanos;
    private final LongSupplier requests;
    private final LongSupplier operations;

    Sampler(long startNanos, LongSupplier requests, LongSupplier operations) {
        this.startNanos = startNanos;
        this.requests = requests;
        this.operations = operations;
    }

    /** Collects garbage twice, 100 ms apart (so sockets waiting on their cleaners are gone), then reads. */
    Sample take() {
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Sample((System.nanoTime() - startNanos) / 1e9, heap, rss(), ManagementFactory.getThreadMXBean().getThreadCount(),
                openFds(), requests.getAsLong(), operations.getAsLong());
    }

    static int openFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
