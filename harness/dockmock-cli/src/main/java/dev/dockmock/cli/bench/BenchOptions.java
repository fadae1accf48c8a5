package dev.dockmock.cli.bench;

import dev.dockmock.cli.Flags;
import dev.dockmock.cli.UsageException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The command line of {@code dockmock bench}.
 *
 * @param connections keep-alive connections per measurement
 * @param duration the measured phase of each measurement
 * @param warmup the phase before it, whose responses are not counted
 * @param runs how often each row is measured; the median is reported
 * @param warmupRuns passes over every row before the measured runs, whose figures are dropped (the
 *     JIT compiles the hot paths of every endpoint, then its type profiles settle)
 * @param out the directory the reports are written to
 * @param containers containers for the scale, memory and replay parts (a cassette of as many interactions)
 * @param held keep-alive connections of the many-connections part
 * @param swarmNodes nodes of the swarm-at-scale part (one engine, the rest simulated), which runs 10 services of as many replicas
 * @param dockerd whether to start a real dockerd to compare with, where one can run
 * @param heap the fixed heap of the child JVM that measures (see {@link BenchJvm}), or null to measure in this JVM
 * @param help whether {@code --help} was asked
 */
record BenchOptions(int connections, Duration duration, Duration warmup, int runs, int warmupRuns, Path out, int containers, int held,
        int swarmNodes, boolean dockerd, String heap, boolean help) {

    /**
     * Two passes, not one: after a single warm-up pass, dockmock's create rows had their highest
     * p99 in the first measured pass in 13 of 15 measurements (median 0.76 ms against 0.56 ms
     * after it) while the minimal server's did not move; see docs/performance.md, "Fifth pass".
     */
    static final int DEFAULT_WARMUP_RUNS = 2;
    /** Five, not three: create's p99 ratio over three runs read anywhere from 1.28x to 1.67x for the same code (docs/performance.md). */
    static final int DEFAULT_RUNS = 5;

    static final String HELP = """
            Usage: dockmock bench [OPTIONS]

            Measure dockmock beside WireMock standalone, a minimal NIO server answering
            precomputed bytes, and a real dockerd (when one can run here), in the same run:
            req/s and p50/p99 latency for GET /_ping, GET /containers/json (20 containers) and
            POST /containers/create over tcp and unix; start-up and close of an embedded server;
            memory; docker run --rm alpine echo hi; replay of a large cassette; the engine with
            many containers; many keep-alive connections; a simulated swarm of many nodes and
            tasks (time to converge, its control loop's CPU, GET /nodes and GET /services).
            Prints tables with ratios and target verdicts; writes OUT/bench-<time>.json,
            OUT/latest.json and OUT/latest.svg.

            dockmock bench --only swarm [--nodes N] [--services N] [--replicas N]
                [--time-scale X] [--requests N] [--out DIR] measures the swarm alone (default
            1000 nodes, 10 services of 1000 replicas) and writes OUT/swarm-scale.json.

            Options:
                  --connections N     Keep-alive connections per measurement (default 16)
                  --duration SECONDS  Measured time per measurement (default 3)
                  --warmup SECONDS    Unmeasured time before it (default 1)
                  --runs N            Measure every row N times, report median and min-max (default 5)
                  --warmup-runs N     Passes over every row before those runs, not counted
                                      (default 2; 0 with --quick)
                  --out DIR           Where to write the reports (default reports/bench)
                  --containers N      Containers for the scale, memory and replay parts (default 10000)
                  --held N            Connections of the many-connections part (default 1000)
                  --swarm-nodes N     Nodes of the swarm part, running 10 services of N replicas
                                      (default 1000: 10,000 tasks)
                  --heap SIZE         Measure in a child JVM whose heap is fixed at SIZE and
                                      touched before the first row (default 4g, or a quarter
                                      of the machine's memory if less); 0 measures in this JVM
                  --no-dockerd        Do not start a real dockerd (started by default when root,
                                      with dockerd and scripts/real-dockerd present)
                  --quick             1 s measured, 1 s warm-up, 1 run, no warm-up run,
                                      1000 containers, 100 held connections,
                                      a swarm of 100 nodes, no dockerd, --heap 0
                                      (other options still apply)
              -h, --help              Print this help

            Exit codes: 0 when every measurement succeeded, 1 when one failed, 2 for a wrong command line.
            """;

    static BenchOptions parse(String[] args) {
        Integer connections = null;
        Double duration = null;
        Double warmup = null;
        Integer runs = null;
        Integer warmupRuns = null;
        Path out = Path.of("reports", "bench");
        boolean quick = false;
        boolean help = false;
        Integer containers = null;
        Integer held = null;
        Integer swarmNodes = null;
        boolean noDockerd = false;
        String heap = null;
        boolean heapGiven = false;
        Flags flags = new Flags(args);
        for (String flag = flags.next(); flag != null; flag = flags.next()) {
            switch (flag) {
                case "-h", "--help" -> help = true;
                case "--quick" -> {
                    flags.noValue();
                    quick = true;
                }
                case "--no-dockerd" -> {
                    flags.noValue();
                    noDockerd = true;
                }
                case "--connections" -> connections = (int) number(flag, flags.value(), 1, 1024, false);
                case "--duration" -> duration = number(flag, flags.value(), 0.1, 3600, true);
                case "--warmup" -> warmup = number(flag, flags.value(), 0, 3600, true);
                case "--runs" -> runs = (int) number(flag, flags.value(), 1, 100, false);
                case "--warmup-runs" -> warmupRuns = (int) number(flag, flags.value(), 0, 10, false);
                case "--containers" -> containers = (int) number(flag, flags.value(), 10, 1_000_000, false);
                case "--held" -> held = (int) number(flag, flags.value(), 1, 5000, false);
                case "--swarm-nodes" -> swarmNodes = (int) number(flag, flags.value(), 2, 10_000, false);
                case "--out" -> out = Path.of(flags.value());
                case "--heap" -> {
                    heap = HeapSize.parse(flags.value());
                    heapGiven = true;
                }
                default -> throw flags.unknown();
            }
        }
        if (!flags.operands().isEmpty()) {
            throw new UsageException("bench takes no operands, got \"" + flags.operands().get(0) + "\"");
        }
        return new BenchOptions(
                connections != null ? connections : 16,
                seconds(duration != null ? duration : quick ? 1 : 3),
                seconds(warmup != null ? warmup : 1),
                runs != null ? runs : quick ? 1 : DEFAULT_RUNS,
                warmupRuns != null ? warmupRuns : quick ? 0 : DEFAULT_WARMUP_RUNS,
                out, containers != null ? containers : quick ? 1_000 : 10_000, held != null ? held : quick ? 100 : 1_000,
                swarmNodes != null ? swarmNodes : quick ? 100 : 1_000,
                !noDockerd && !quick, heapGiven ? heap : quick ? null : HeapSize.byDefault(), help);
    }

    private static double number(String flag, String text, double min, double max, boolean fraction) {
        double value;
        try {
            value = fraction ? Double.parseDouble(text) : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UsageException("flag " + flag + " needs " + (fraction ? "a number" : "a whole number") + ", not \"" + text + "\"");
        }
        if (!(value >= min && value <= max)) {
            throw new UsageException("flag " + flag + " must be between " + format(min) + " and " + format(max) + ", not " + text);
        }
        return value;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
