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
 * @param errors non-2xx responses and failed connections, over all runs
 * @param vsMinimal requests per second over the minimal server's (same endpoint, same transport,
 *     same run), over the runs
 * @param vsWireMock requests per second over WireMock's (same endpoint, tcp, same run), over the runs
 */
record RowResult(Row row, List<Measurement> runs, Spread requestsPerSecond, Spread p50Micros, Spread p99Micros,
        long maxMicros, long errors, Spread vsMinimal, Spread vsWireMock) {

    /** Summarises each row's runs; {@code measurements.get(i).get(r)} is row {@code i} in run {@code r}. */
    static List<RowResult> of(List<Row> rows, List<List<Measurement>> measurements) {
        return IntStream.range(0, rows.size()).mapToObj(i -> {
            Row row = rows.get(i);
            List<Measurement> own = measurements.get(i);
            return new RowResult(row, List.copyOf(own),
                    Spread.of(own.stream().mapToDouble(Measurement::requestsPerSecond).toArray()),
                    Spread.of(own.stream().mapToDouble(Measurement::p50Micros).toArray()),
                    Spread.of(own.stream().mapToDouble(Measurement::p99Micros).toArray()),
                    own.stream().mapToLong(Measurement::maxMicros).max().orElse(0),
                    own.stream().mapToLong(Measurement::errors).sum(),
                    ratios(own, find(rows, measurements, row, Row.MINIMAL, row.transport())),
                    ratios(own, find(rows, measurements, row, Row.WIREMOCK, "tcp")));
        }).toList();
    }

    private static Spread ratios(List<Measurement> own, List<Measurement> base) {
        double[] ratios = new double[own.size()];
        for (int r = 0; r < own.size(); r++) {
            double b = base == null ? 0 : base.get(r).requestsPerSecond();
            ratios[r] = b > 0 ? own.get(r).requestsPerSecond() / b : 0;
        }
        return Spread.of(ratios);
    }

    private static List<Measurement> find(List<Row> rows, List<List<Measurement>> measurements, Row row, String target,
            String transport) {
        for (int i = 0; i < rows.size(); i++) {
            Row candidate = rows.get(i);
            if (candidate.is(target) && candidate.transport().equals(transport)
                    && candidate.endpoint().label().equals(row.endpoint().label())) {
                return measurements.get(i);
            }
        }
        return null;
    }
}
