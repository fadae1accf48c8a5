package dev.dockmock.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Measures every row {@code runs} times, after {@code warmupRuns} passes whose figures are dropped
 * (without them the first run measures the JIT compiling dockmock's paths; the minimal server's
 * one small loop needs no such pass, so that run was unfair to dockmock and not to it). Rows are interleaved within each run, so slow drift of
 * a shared machine (other builds, thermal limits) touches dockmock and the reference alike
 * instead of landing on whichever was measured last.
 */
final class BenchRun {
    /** The least time a row waits for a quiet machine before measuring anyway; see {@link #settleMillis}. */
    private static final long MIN_SETTLE_MILLIS = 3_000;

    private BenchRun() {
    }

    /** Measures, printing a line on {@code progress} as each measurement starts and ends. */
    static List<RowResult> measure(List<Row> rows, BenchOptions options, Consumer<Row> after, PrintStream progress)
            throws InterruptedException {
        List<List<Measurement>> measurements = new ArrayList<>();
        rows.forEach(row -> measurements.add(new ArrayList<>()));
        int total = rows.size() * (options.warmupRuns() + options.runs());
        int done = 0;
        for (int run = 1 - options.warmupRuns(); run <= options.runs(); run++) {
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                String pass = run <= 0 ? String.format(Locale.ROOT, "warm-up run %d/%d", run + options.warmupRuns(),
                        options.warmupRuns()) : String.format(Locale.ROOT, "run %d/%d", run, options.runs());
                String step = String.format(Locale.ROOT, "[%2d/%d] %s %-32s", ++done, total, pass, row.describe());
                progress.printf(Locale.ROOT, "%s warm-up %s s, measuring %s s ...%n", step,
                        seconds(options.warmup().toNanos()), seconds(options.duration().toNanos()));
                settle(step, options, progress);
                Measurement m = measureOne(row, options);
                if (run > 0) {
                    measurements.get(i).add(m);
                }
                after.accept(row);
                progress.printf(Locale.ROOT, "%s %,10.0f req/s  p50 %s ms  p99 %s ms%s%n", step, m.requestsPerSecond(),
                        ResultTable.millis(m.p50Micros()), ResultTable.millis(m.p99Micros()),
                        m.errors() == 0 ? "" : "  ERRORS " + m.errors() + (m.failure() == null ? "" : ": " + m.failure()));
            }
        }
        return RowResult.of(rows, measurements);
    }

    /**
     * Collects the previous measurement's garbage now, not during the next one, and lets other
     * processes (WireMock's JVM, dockerd) finish what the last row left them; see {@link QuietMachine}.
     */
    private static void settle(String step, BenchOptions options, PrintStream progress) throws InterruptedException {
        System.gc();
        long settled = QuietMachine.await(settleMillis(options));
        if (settled < 0) {
            progress.printf(Locale.ROOT, "%s the machine did not settle within %s s; measuring anyway%n", step,
                    seconds(settleMillis(options) * 1_000_000));
        } else if (settled > 2000) {
            progress.printf(Locale.ROOT, "%s waited %.1f s for the machine to settle%n", step, settled / 1000.0);
        }
    }

    /** As long as a measurement takes, plus the quiet second (3 s at least). */
    private static long settleMillis(BenchOptions options) {
        return Math.max(MIN_SETTLE_MILLIS, options.warmup().plus(options.duration()).toMillis() + 1_000);
    }

    private static Measurement measureOne(Row row, BenchOptions options) throws InterruptedException {
        try {
            return LoadGenerator.run(row.address(), row.endpoint().request(), options.connections(), options.warmup(),
                    options.duration());
        } catch (IOException e) {
            return new Measurement(0, 1, options.duration().toNanos() / 1e9, 0, 0, 0, "cannot connect: " + e);
        }
    }

    private static String seconds(long nanos) {
        double s = nanos / 1e9;
        return s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.1f", s);
    }
}
