package dev.dockmock.cli.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The table printed at the end: one line per row, figures as medians over the runs. */
final class ResultTable {
    private static final String FORMAT = "%-27s %-15s %-9s %10s  %-19s %8s %8s %8s  %s%n";

    private ResultTable() {
    }

    static void print(BenchEnvironment environment, BenchOptions options, List<RowResult> results, PrintStream out) {
        out.println();
        out.println(environment.describe(options));
        out.println();
        out.printf(Locale.ROOT, FORMAT, "endpoint", "target", "transport", "req/s", "(min-max)", "p50 ms", "p99 ms",
                "max ms", "vs reference");
        for (RowResult result : results) {
            Row row = result.row();
            Spread rps = result.requestsPerSecond();
            out.printf(Locale.ROOT, FORMAT, row.endpoint().label(), row.target(), row.transport(), count(rps.median()),
                    "(" + count(rps.min()) + "-" + count(rps.max()) + ")", millis(result.p50Micros().median()),
                    millis(result.p99Micros().median()), millis(result.maxMicros()),
                    (row.reference() ? "reference" : ratio(result.ratio().median()))
                            + (result.errors() > 0 ? "  " + result.errors() + " ERRORS" : ""));
        }
        out.println();
        results.stream().map(r -> r.row().endpoint()).map(e -> e.label() + " answers " + e.bodySize()).distinct()
                .forEach(line -> out.println("  " + line));
        out.println("req/s and latencies are medians over the runs; latency runs from writing a request to reading");
        out.println("its last byte. vs reference: req/s over the JDK HttpServer's (tcp, same endpoint, same run),");
        out.println("median of the per-run ratios; unix rows are compared with that tcp reference too.");
    }

    /** Microseconds as milliseconds, three decimals below 10 ms. */
    static String millis(double micros) {
        double ms = micros / 1000;
        return String.format(Locale.ROOT, ms < 10 ? "%.3f" : "%.1f", ms);
    }

    static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2fx", value);
    }
}
