package dev.dockmock.cli.bench;

import dev.dockmock.cli.Command;
import java.io.IOException;
import java.io.PrintStream;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dockmock bench}: dockmock beside WireMock standalone, a minimal NIO server and a real
 * dockerd (where one can run), all measured in the same run on the same machine. Prints tables
 * with ratios and target verdicts on {@code out}, progress on {@code err}, and writes
 * {@code bench-<time>.json}, {@code latest.json} and {@code latest.svg} to the output directory.
 *
 * <p>Exit codes: 0 when every measurement succeeded, 1 when a server could not start, a
 * measurement saw errors or the reports could not be written, 2 for a wrong command line.
 */
public final class BenchCommand implements Command {
    /** Services of the swarm part, each with as many replicas as the swarm has nodes. */
    private static final int SWARM_SERVICES = 10;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Override
    public String summary() {
        return "Measure dockmock beside WireMock, a minimal server and a real dockerd";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (SwarmScaleSection.wanted(args)) {
            return SwarmScaleSection.run(args, out, err);
        }
        BenchOptions options = BenchOptions.parse(args);
        if (options.help()) {
            out.print(BenchOptions.HELP);
            return 0;
        }
        if (options.heap() != null && BenchJvm.fixedHeap() == null) {
            try {
                return BenchJvm.relaunch(options.heap(), args, out, err);
            } catch (IOException e) {
                err.println("dockmock bench: cannot start the JVM that measures: " + e);
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("dockmock bench: interrupted");
                return 1;
            }
        }
        BenchEnvironment environment = BenchEnvironment.current();
        List<Figure> figures = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<RowResult> results;
        try {
            results = measure(options, figures, failures, err);
        } catch (IOException | RuntimeException e) {
            err.println("dockmock bench: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("dockmock bench: interrupted");
            return 1;
        }
        List<Verdict> verdicts = Verdict.judge(results, figures);
        ResultTable.print(environment, options, results, figures, verdicts, out);
        try {
            Path json = write(options, environment, results, figures, verdicts);
            out.println();
            out.println("Wrote " + json + ", " + options.out().resolve("latest.json") + " and " + options.out().resolve("latest.svg"));
        } catch (IOException e) {
            err.println("dockmock bench: cannot write the reports to " + options.out() + ": " + e);
            return 1;
        }
        out.flush();
        long errors = results.stream().mapToLong(RowResult::errors).sum();
        if (errors > 0 || !failures.isEmpty()) {
            failures.forEach(f -> err.println("dockmock bench: " + f));
            err.println("dockmock bench: " + errors + " requests or connections failed; the figures are not trustworthy");
            return 1;
        }
        return 0;
    }

    private static List<RowResult> measure(BenchOptions options, List<Figure> figures, List<String> failures, PrintStream err)
            throws IOException, InterruptedException {
        RealDaemon dockerd = null;
        String noDockerd = options.dockerd() ? RealDaemon.unavailable().orElse(null) : "not asked for (--no-dockerd or --quick)";
        if (noDockerd == null) {
            err.println("dockmock bench: starting a real dockerd (scripts/real-dockerd)");
            try {
                dockerd = RealDaemon.start(err);
            } catch (IOException e) {
                noDockerd = e.getMessage();
            }
        }
        if (noDockerd != null) {
            err.println("dockmock bench: no real dockerd: " + noDockerd);
        }
        List<RowResult> results;
        try {
            err.println("dockmock bench: starting servers");
            try (BenchServers servers = BenchServers.start(dockerd, err)) {
                figures.add(MemoryBench.mb("resident, idle (WireMock standalone)", Row.WIREMOCK, servers.wiremock().residentBytes()));
                results = BenchRun.measure(servers.rows(), options, servers::afterMeasurement, err);
                figures.add(MemoryBench.mb("resident, after its throughput rows (WireMock standalone)", Row.WIREMOCK,
                        servers.wiremock().residentBytes()));
                err.println("dockmock bench: " + options.held() + " keep-alive connections");
                for (Row row : servers.rows()) {
                    if (row.endpoint().label().endsWith("/_ping") && row.transport().equals("tcp")
                            && (row.is(Row.DOCKMOCK) || row.is(Row.MINIMAL))) {
                        figures.addAll(held(row, options));
                    }
                }
                err.println("dockmock bench: " + DockerRunBench.NAME);
                int repeats = options.runs() * 2 + 1;
                figures.add(DockerRunBench.measure(Row.DOCKMOCK, unixSocket(servers, Row.DOCKMOCK), repeats));
                figures.add(dockerd != null ? DockerRunBench.measure(Row.DOCKERD, dockerd.socket(), repeats)
                        : Figure.missing(DockerRunBench.SECTION, DockerRunBench.NAME, Row.DOCKERD, "ms", noDockerd));
            }
        } finally {
            if (dockerd != null) {
                err.println("dockmock bench: stopping the real dockerd");
                dockerd.close();
            }
        }
        part("start-up of an embedded server", figures, failures, err, () -> StartupBench.measure(options.runs() * 5));
        part("memory", figures, failures, err, () -> {
            List<Figure> memory = new ArrayList<>(MemoryBench.standalone(options.containers(), options));
            memory.addAll(MemoryBench.embeddedHeap(options.containers(), options));
            return memory;
        });
        part("the engine with " + options.containers() + " containers", figures, failures, err,
                () -> EngineScaleBench.measure(options.containers(), options.runs() * 30));
        part("replay of a " + options.containers() + "-interaction cassette", figures, failures, err,
                () -> ReplayBench.measure(options.containers(), options.runs()));
        int swarmNodes = options.swarmNodes();
        part("a swarm of " + swarmNodes + " nodes and " + SWARM_SERVICES * swarmNodes + " tasks", figures, failures, err,
                () -> SwarmScaleBenchmark.run(new SwarmScaleBenchmark.Settings(swarmNodes, SWARM_SERVICES, swarmNodes,
                        SwarmScaleBenchmark.Settings.standard().timeScale(), Math.max(20, options.runs() * 60))).figures());
        // Further parts go here, each adding its figures.
        return results;
    }

    private interface Part {
        List<Figure> run() throws IOException, InterruptedException;
    }

    private static void part(String name, List<Figure> figures, List<String> failures, PrintStream err, Part part)
            throws InterruptedException {
        err.println("dockmock bench: " + name);
        try {
            figures.addAll(part.run());
        } catch (IOException | RuntimeException e) {
            failures.add(name + " failed: " + e);
        }
    }

    private static List<Figure> held(Row row, BenchOptions options) throws InterruptedException {
        String section = "connections";
        String name = options.held() + " keep-alive connections, GET /_ping tcp";
        try {
            Measurement m = LoadGenerator.run(row.address(), row.endpoint().request(), options.held(), options.warmup(),
                    options.duration());
            String note = m.errors() == 0 ? "" : m.errors() + " errors" + (m.failure() == null ? "" : ": " + m.failure());
            return List.of(Figure.of(section, name + ", req/s", row.target(), "req/s", m.requestsPerSecond()).withNote(note),
                    Figure.of(section, name + ", p99", row.target(), "ms", m.p99Micros() / 1e3).withNote(note));
        } catch (IOException e) {
            return List.of(Figure.missing(section, name + ", req/s", row.target(), "req/s", "cannot connect: " + e.getMessage()));
        }
    }

    private static Path unixSocket(BenchServers servers, String target) {
        for (Row row : servers.rows()) {
            SocketAddress address = row.address();
            if (row.is(target) && address instanceof UnixDomainSocketAddress unix) {
                return unix.getPath();
            }
        }
        throw new IllegalStateException("no unix socket for " + target);
    }

    private static Path write(BenchOptions options, BenchEnvironment environment, List<RowResult> results,
            List<Figure> figures, List<Verdict> verdicts) throws IOException {
        Files.createDirectories(options.out());
        byte[] json = JsonReport.render(environment, options, results, figures, verdicts);
        Path stamped = options.out().resolve("bench-" + FILE_TIME.format(environment.time()) + ".json");
        Files.write(stamped, json);
        Files.write(options.out().resolve("latest.json"), json);
        Files.writeString(options.out().resolve("latest.svg"), SvgChart.render(environment, options, results, figures, verdicts),
                StandardCharsets.UTF_8);
        return stamped;
    }
}
