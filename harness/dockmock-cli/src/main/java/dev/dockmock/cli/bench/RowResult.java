package dev.dockmock.cli.bench;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A row's figures over all runs.
 *
 * @param row what was measured
 * @param runs one measurement per run, in run order
 * @param requestsPerSecond requests per second over the runs
 * @param p50Micros median latency over the runs
 * @param p99Micros 99th percentile latency over the runs
 * @param maxMicros the slowest response of any run
 * @param errors non-200 responses and failed connections, over all runs
 * @param ratio requests per second divided by the reference's for the same endpoint in the same
 *     run, over the runs; 1 for the reference itself
 */
record RowResult(Row row, List<Measurement> runs, Spread requestsPerSecond, Spread p50Micros, Spread p99Micros,
        long maxMicros, long errors, Spread ratio) {

    /** Summarises each row's runs; {@code measurements.get(i).get(r)} is row {@code i} in run {@code r}. */
    static List<RowResult> of(List<Row> rows, List<List<Measurement>> measurements) {
        return IntStream.range(0, rows.size()).mapToObj(i -> {
            Row row = rows.get(i);
            List<Measurement> own = measurements.get(i);
            List<Measurement> reference = referenceOf(row, rows, measurements);
            double[] ratios = new double[own.size()];
            for (int r = 0; r < own.size(); r++) {
                double base = reference.get(r).requestsPerSecond();
                ratios[r] = base > 0 ? own.get(r).requestsPerSecond() / base : 0;
            }
            return new RowResult(row, List.copyOf(own),
                    Spread.of(own.stream().mapToDouble(Measurement::requestsPerSecond).toArray()),
                    Spread.of(own.stream().mapToDouble(Measurement::p50Micros).toArray()),
                    Spread.of(own.stream().mapToDouble(Measurement::p99Micros).toArray()),
                    own.stream().mapToLong(Measurement::maxMicros).max().orElse(0),
                    own.stream().mapToLong(Measurement::errors).sum(),
                    Spread.of(ratios));
        }).toList();
    }

    private static List<Measurement> referenceOf(Row row, List<Row> rows, List<List<Measurement>> measurements) {
        for (int i = 0; i < rows.size(); i++) {
            Row candidate = rows.get(i);
            if (candidate.reference() && candidate.endpoint().label().equals(row.endpoint().label())) {
                return measurements.get(i);
            }
        }
        throw new IllegalArgumentException("no reference row for " + row.endpoint().label());
    }
}
