package dev.dockmock.cli.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The tables printed at the end: throughput rows, the other figures, and the target verdicts. */
final class ResultTable {
    private static final String FORMAT = "%-28s %-11s %-5s %10s  %-19s %8s %8s %8s  %-9s %s%n";

    private ResultTable() {
    }

    static void print(BenchEnvironment environment, BenchOptions options, List<RowResult> results, List<Figure> figures,
            List<Verdict> verdicts, PrintStream out) {
        out.println();
        out.println(environment.describe(options));
        out.println();
        out.printf(Locale.ROOT, FORMAT, "endpoint", "target", "via", "req/s", "(min-max)", "p50 ms", "p99 ms",
                "max ms", "vs min", "vs wiremock");
        for (RowResult result : results) {
            Row row = result.row();
            Spread rps = result.requestsPerSecond();
            out.printf(Locale.ROOT, FORMAT, row.endpoint().label(), row.target(), row.transport(), count(rps.median()),
                    "(" + count(rps.min()) + "-" + count(rps.max()) + ")", millis(result.p50Micros().median()),
                    millis(result.p99Micros().median()), millis(result.maxMicros()),
                    row.is(Row.MINIMAL) ? "ceiling" : ratio(result.vsMinimal().median()),
                    (row.is(Row.WIREMOCK) ? "-" : ratio(result.vsWireMock().median())
                            + (row.transport().equals("unix") ? " (tcp)" : ""))
                            + (result.errors() > 0 ? "  " + result.errors() + " ERRORS" : ""));
        }
        out.println();
        results.stream().map(r -> r.row().endpoint()).map(e -> e.label() + " answers " + e.bodySize()).distinct()
                .forEach(line -> out.println("  " + line));
        out.println("Medians over the runs; latency runs from writing a request to reading its last byte. vs min: req/s");
        out.println("over the minimal NIO server's (precomputed bytes, same transport, same run); vs wiremock: over");
        out.println("WireMock standalone's (tcp: it has no unix socket). dockerd rows: a real dockerd, unix socket.");
        out.println();
        for (var section : Figure.bySection(figures).entrySet()) {
            out.println(section.getKey() + ":");
            for (Figure figure : section.getValue()) {
                String value = figure.value() == null ? "not measured"
                        : String.format(Locale.ROOT, "%s %s (%s-%s)", number(figure.median()), figure.unit(),
                                number(figure.value().min()), number(figure.value().max()));
                out.printf(Locale.ROOT, "  %-62s %-11s %s%s%n", figure.name(), figure.target(), value,
                        figure.note().isEmpty() ? "" : "  [" + figure.note() + "]");
            }
        }
        out.println();
        out.println("targets:");
        for (Verdict verdict : verdicts) {
            out.printf(Locale.ROOT, "  %-13s %-62s %s%n", verdict.word().toUpperCase(Locale.ROOT), verdict.goal(), verdict.measured());
        }
    }

    static String number(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : value >= 1 ? "%.1f" : "%.3f", value);
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
