package dev.dockmock.cli.soak;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
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
        return new Sample((System.nanoTime() - startNanos) / 1e9, heapAfterGc(), rss(), ManagementFactory.getThreadMXBean().getThreadCount(),
                openFds(), requests.getAsLong(), operations.getAsLong());
    }

    /**
     * The heap the last collections left, summed over the heap's pools. Not the heap in use now:
     * the clients keep allocating between the collection and the reading, and with G1 that adds a
     * region or more per busy thread, which would measure the load's rate rather than what is kept.
     */
    static long heapAfterGc() {
        long total = 0;
        boolean any = false;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterGc != null) {
                total += afterGc.getUsed();
                any = true;
            }
        }
        return any ? total : ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
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
