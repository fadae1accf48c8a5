package dev.dockmock.cli.soak;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.protocol.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The soak's report: a table of the samples and the verdict for people, {@code soak.json} and {@code soak.svg} on disk. */
final class SoakReport {
    private SoakReport() {
    }

    static void print(SoakOutcome outcome, PrintStream out) {
        out.println();
        out.println("      time  heap after GC   RSS MiB  threads    fds    requests     req/s");
        Sample previous = null;
        for (Sample s : outcome.samples()) {
            double rate = previous == null ? s.requests() / Math.max(0.001, s.seconds())
                    : (s.requests() - previous.requests()) / Math.max(0.001, s.seconds() - previous.seconds());
            out.printf(Locale.ROOT, "%8.1f s  %9.1f MiB  %8.0f  %7d %6d %,11d %,9.0f%n", s.seconds(), s.heapMiB(), s.rssMiB(),
                    s.threads(), s.fds(), s.requests(), rate);
            previous = s;
        }
        out.println();
        out.printf(Locale.ROOT, "Load: %d clients for %d s, %,d operations %s; %,d requests served; %,d containers created, "
                + "%,d removed; %,d events followed; docker CLI: %s%n", outcome.options().clients(), outcome.options().duration().toSeconds(),
                outcome.totalOperations(), outcome.operations(), outcome.requests(), outcome.created(), outcome.removed(),
                outcome.events(), outcome.dockerCli().map(Path::toString).orElse("not used"));
        out.printf(Locale.ROOT, "Wrong answers: %d%s%n", outcome.failures(),
                outcome.failureExamples().isEmpty() ? "" : " " + outcome.failureExamples());
        out.println("Rule: " + FlatnessRule.TEXT + ".");
        for (FlatnessRule.Check check : outcome.verdict().checks()) {
            out.printf(Locale.ROOT, "  %-14s first third %8.1f %-3s  last third %8.1f %-3s  limit %8.1f %-3s  %s%n", check.resource(),
                    check.firstMedian(), check.unit(), check.lastMedian(), check.unit(), check.limit(), check.unit(),
                    check.flat() ? "flat" : "GROWING");
        }
        String verdict = outcome.verdict().word();
        if (!outcome.verdict().judged()) {
            verdict += " (" + outcome.verdict().judgedSamples() + " samples after warm-up; 3 needed)";
        }
        if (!outcome.answersRight()) {
            verdict += "; the load saw wrong answers";
        }
        out.println("Verdict: " + verdict);
    }

    /** Writes {@code soak.json} and {@code soak.svg} to the output directory; returns the JSON's path. */
    static Path write(SoakOutcome outcome) throws IOException {
        Path dir = outcome.options().out();
        Files.createDirectories(dir);
        Path json = dir.resolve("soak.json");
        Files.write(json, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json(outcome)));
        String title = String.format(Locale.ROOT, "dockmock soak, %d s, %d clients, %,d requests: %s",
                outcome.options().duration().toSeconds(), outcome.options().clients(), outcome.requests(), outcome.verdict().word());
        int warmUp = FlatnessRule.warmUpSamples(outcome.samples().size());
        Files.writeString(dir.resolve("soak.svg"), SoakChart.svg(title, outcome.samples(), warmUp), StandardCharsets.UTF_8);
        return json;
    }

    static ObjectNode json(SoakOutcome outcome) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("durationSeconds", outcome.options().duration().toMillis() / 1000.0);
        root.put("clients", outcome.options().clients());
        root.put("intervalSeconds", outcome.options().interval().toMillis() / 1000.0);
        root.put("dockerCli", outcome.dockerCli().map(Path::toString).orElse(null));
        root.put("operations", outcome.totalOperations());
        ObjectNode byOperation = root.putObject("byOperation");
        outcome.operations().forEach(byOperation::put);
        root.put("requests", outcome.requests());
        root.put("containersCreated", outcome.created());
        root.put("containersRemoved", outcome.removed());
        root.put("events", outcome.events());
        root.put("failures", outcome.failures());
        ObjectNode examples = root.putObject("failureExamples");
        outcome.failureExamples().forEach(examples::put);
        root.put("rule", FlatnessRule.TEXT);
        root.put("verdict", outcome.verdict().word());
        ArrayNode checks = root.putArray("checks");
        for (FlatnessRule.Check check : outcome.verdict().checks()) {
            checks.addObject().put("resource", check.resource()).put("firstThirdMedian", round(check.firstMedian()))
                    .put("lastThirdMedian", round(check.lastMedian())).put("limit", round(check.limit())).put("flat", check.flat());
        }
        root.put("exitCode", outcome.exitCode());
        ArrayNode samples = root.putArray("samples");
        for (Sample s : outcome.samples()) {
            samples.addObject().put("seconds", round(s.seconds())).put("heapAfterGcMiB", round(s.heapMiB()))
                    .put("rssMiB", round(s.rssMiB())).put("threads", s.threads()).put("fds", s.fds()).put("requests", s.requests())
                    .put("operations", s.operations());
        }
        return root;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
