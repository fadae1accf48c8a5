package dev.dockmock.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Waits until the machine is quiet before a measurement: the CPU time used by every process
 * (Linux's {@code /proc/stat}) over a short window falls below a small share of all CPUs.
 *
 * <p>Why: WireMock's JVM keeps collecting and compiling for seconds after its own rows (its
 * journal holds gigabytes by then), and a real dockerd settles containers after its rows. Without
 * this wait, that work lands on whichever row comes next, and the rows are in a fixed order, so
 * it landed on dockmock's rows far more often than on the minimal server's.
 */
final class QuietMachine {
    private static final Path STAT = Path.of("/proc/stat");
    private static final long WINDOW_MILLIS = 200;
    /** Busy share of all CPUs that still counts as quiet: 5 %, a tenth of one CPU on two. */
    private static final double QUIET_SHARE = 0.05;
    /**
     * Quiet windows needed in a row: one second. A single window let a daemon whose after-work
     * comes in bursts (dockerd and containerd after their list rows) look idle between two bursts.
     */
    private static final int QUIET_WINDOWS = 5;

    private QuietMachine() {
    }

    /**
     * Waits at most {@code maxMillis} for a quiet window.
     *
     * @return the milliseconds waited (one second at least), or -1 when the machine did not settle in time or there is
     *     no {@code /proc/stat} (the measurement then goes ahead anyway)
     */
    static long await(long maxMillis) throws InterruptedException {
        long start = System.nanoTime();
        long[] before = sample();
        if (before == null) {
            return -1;
        }
        int quiet = 0;
        while (true) {
            Thread.sleep(WINDOW_MILLIS);
            long[] after = sample();
            if (after == null) {
                return -1;
            }
            long total = after[1] - before[1];
            long waited = (System.nanoTime() - start) / 1_000_000;
            quiet = total > 0 && (after[0] - before[0]) <= QUIET_SHARE * total ? quiet + 1 : 0;
            if (quiet >= QUIET_WINDOWS) {
                return waited;
            }
            if (waited >= maxMillis) {
                return -1;
            }
            before = after;
        }
    }

    /** Busy and total clock ticks of all CPUs, or null where they cannot be read. */
    private static long[] sample() {
        try {
            String line = Files.readAllLines(STAT).get(0);
            String[] fields = line.trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long ticks = Long.parseLong(fields[i]);
                total += ticks;
                if (i == 4 || i == 5) {
                    idle += ticks; // idle and iowait
                }
            }
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
