package dev.dockmock.cli.bench;

import dev.dockmock.cli.Command;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code dockmock bench}: a load benchmark of dockmock over tcp and unix beside the JDK's
 * {@code HttpServer} measured in the same run, in this JVM. Prints a table on {@code out},
 * progress on {@code err}, and writes {@code bench-<time>.json}, {@code latest.json} and
 * {@code latest.svg} to the output directory.
 *
 * <p>Exit codes: 0 when every measurement succeeded, 1 when a server could not start, a
 * measurement saw errors or the reports could not be written, 2 for a wrong command line.
 */
public final class BenchCommand implements Command {
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Override
    public String summary() {
        return "Measure req/s and latency of dockmock beside the JDK HttpServer";
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
        BenchEnvironment environment = BenchEnvironment.current();
        List<RowResult> results;
        err.println("dockmock bench: starting servers");
        try (BenchServers servers = BenchServers.start(options.connections(), err)) {
            results = BenchRun.measure(servers.rows(), options, err);
        } catch (IOException | RuntimeException e) {
            err.println("dockmock bench: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("dockmock bench: interrupted");
            return 1;
        }
        ResultTable.print(environment, options, results, out);
        try {
            Path json = write(options, environment, results);
            out.println();
            out.println("Wrote " + json + ", " + options.out().resolve("latest.json") + " and " + options.out().resolve("latest.svg"));
        } catch (IOException e) {
            err.println("dockmock bench: cannot write the reports to " + options.out() + ": " + e);
            return 1;
        }
        out.flush();
        long errors = results.stream().mapToLong(RowResult::errors).sum();
        if (errors > 0) {
            err.println("dockmock bench: " + errors + " requests or connections failed; the figures are not trustworthy");
            return 1;
        }
        return 0;
    }

    private static Path write(BenchOptions options, BenchEnvironment environment, List<RowResult> results) throws IOException {
        Files.createDirectories(options.out());
        byte[] json = JsonReport.render(environment, options, results);
        Path stamped = options.out().resolve("bench-" + FILE_TIME.format(environment.time()) + ".json");
        Files.write(stamped, json);
        Files.write(options.out().resolve("latest.json"), json);
        Files.writeString(options.out().resolve("latest.svg"), SvgChart.render(environment, options, results),
                StandardCharsets.UTF_8);
        return stamped;
    }
}
