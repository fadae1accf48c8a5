package dev.dockmock.hardening;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What this JVM holds right now: live threads, open file descriptors, heap after a GC, resident memory. */
record ResourceProbe(int threads, int fds, long heapAfterGcBytes, long rssBytes) {

    /** Collects garbage (twice, with a pause, so finalizable sockets are gone) and samples. */
    static ResourceProbe take() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new ResourceProbe(ManagementFactory.getThreadMXBean().getThreadCount(), openFds(), memory.getHeapMemoryUsage().getUsed(), rss());
    }

    /** Samples without collecting garbage: cheap, for counts only. */
    static ResourceProbe quick() {
        return new ResourceProbe(ManagementFactory.getThreadMXBean().getThreadCount(), openFds(), -1, rss());
    }

    static int openFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot count /proc/self/fd", e);
        }
    }

    static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/status", e);
        }
        return -1;
    }

    /** Threads and fds as a short text for failure messages and reports. */
    String summary() {
        return "threads=" + threads + " fds=" + fds + " heapAfterGc=" + (heapAfterGcBytes >> 20) + "MiB rss="
                + (rssBytes >> 20) + "MiB";
    }
}
