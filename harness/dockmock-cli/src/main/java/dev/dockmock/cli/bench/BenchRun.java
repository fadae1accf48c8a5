package dev.dockmock.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Measures every row {@code runs} times. Rows are interleaved within each run, so slow drift of
 * a shared machine (other builds, thermal limits) touches dockmock and the reference alike
 * instead of landing on whichever was measured last.
 */
final class BenchRun {

    private BenchRun() {
    }

    /** Measures, printing a line on {@code progress} as each measurement starts and ends. */
    static List<RowResult> measure(List<Row> rows, BenchOptions options, Consumer<Row> after, PrintStream progress)
            throws InterruptedException {
        List<List<Measurement>> measurements = new ArrayList<>();
        rows.forEach(row -> measurements.add(new ArrayList<>()));
        int total = rows.size() * options.runs();
        int done = 0;
        for (int run = 1; run <= options.runs(); run++) {
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                String step = String.format(Locale.ROOT, "[%2d/%d] run %d/%d %-32s", ++done, total, run, options.runs(),
                        row.describe());
                progress.printf(Locale.ROOT, "%s warm-up %s s, measuring %s s ...%n", step,
                        seconds(options.warmup().toNanos()), seconds(options.duration().toNanos()));
                // Collect the previous measurement's garbage now, not during this one.
                System.gc();
                Measurement m = measureOne(row, options);
                measurements.get(i).add(m);
                after.accept(row);
                progress.printf(Locale.ROOT, "%s %,10.0f req/s  p50 %s ms  p99 %s ms%s%n", step, m.requestsPerSecond(),
                        ResultTable.millis(m.p50Micros()), ResultTable.millis(m.p99Micros()),
                        m.errors() == 0 ? "" : "  ERRORS " + m.errors() + (m.failure() == null ? "" : ": " + m.failure()));
            }
        }
        return RowResult.of(rows, measurements);
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
