package dev.dockmock.scenario.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.scenario.result.ClientRequest;
import dev.dockmock.scenario.result.Failure;
import dev.dockmock.scenario.result.Outcome;
import dev.dockmock.scenario.result.RunResult;
import dev.dockmock.scenario.result.ScenarioResult;
import dev.dockmock.scenario.result.StepResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The whole run as JSON for tools ({@code results.json}): the {@code RunResult} field by field,
 * times as ISO-8601 instants, durations as {@code durationMs} (milliseconds, fractions down to the
 * microsecond; null when unknown), outcomes as {@code PASSED}, {@code FAILED}, {@code ERROR},
 * {@code SKIPPED}. {@code format} and {@code version} name this layout; a change that removes or
 * renames a field raises the version.
 */
public final class JsonReport {
    /** The file name in the report directory. */
    public static final String FILE = "results.json";
    /** The value of the top-level {@code format} field. */
    public static final String FORMAT = "dockmock-scenario-results";
    /** The value of the top-level {@code version} field. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** Writes the report to {@code file} (UTF-8). */
    public static void write(RunResult run, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), tree(run));
    }

    /** The report as a JSON tree. */
    public static ObjectNode tree(RunResult run) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("suite", run.suite());
        root.put("outcome", run.failed() ? "FAILED" : "PASSED");
        time(root, "started", run.started());
        duration(root, run.duration());
        ObjectNode counts = root.putObject("counts");
        counts.put("total", run.scenarios().size());
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome.name().toLowerCase(Locale.ROOT), run.count(outcome));
        }
        ArrayNode scenarios = root.putArray("scenarios");
        run.scenarios().forEach(scenario -> scenario(scenarios.addObject(), scenario));
        return root;
    }

    private static void scenario(ObjectNode node, ScenarioResult scenario) {
        node.put("name", scenario.name());
        node.put("file", scenario.file());
        node.put("description", scenario.description());
        ArrayNode tags = node.putArray("tags");
        scenario.tags().forEach(tags::add);
        node.put("outcome", scenario.outcome().name());
        time(node, "started", scenario.started());
        duration(node, scenario.duration());
        if (scenario.setupFailure() == null) {
            node.putNull("setupFailure");
        } else {
            failure(node.putObject("setupFailure"), scenario.setupFailure());
        }
        steps(node.putArray("steps"), scenario.steps());
        ArrayNode requests = node.putArray("requests");
        scenario.requests().forEach(request -> request(requests.addObject(), request));
    }

    private static void steps(ArrayNode into, List<StepResult> steps) {
        for (StepResult step : steps) {
            ObjectNode node = into.addObject();
            node.put("name", step.name());
            node.put("kind", step.kind());
            node.put("client", step.client());
            node.put("command", step.command());
            node.put("outcome", step.outcome().name());
            time(node, "started", step.started());
            duration(node, step.duration());
            node.put("exitCode", step.exitCode());
            node.put("stdout", step.stdout());
            node.put("stderr", step.stderr());
            ArrayNode failures = node.putArray("failures");
            step.failures().forEach(failure -> failure(failures.addObject(), failure));
            steps(node.putArray("children"), step.children());
        }
    }

    private static void failure(ObjectNode node, Failure failure) {
        node.put("message", failure.message());
        node.put("expected", failure.expected());
        node.put("actual", failure.actual());
    }

    private static void request(ObjectNode node, ClientRequest request) {
        node.put("client", request.client());
        node.put("seq", request.seq());
        time(node, "time", request.time());
        duration(node, request.duration());
        node.put("method", request.method());
        node.put("target", request.target());
        node.put("status", request.status());
        node.put("userAgent", request.userAgent());
        node.put("listener", request.listener());
    }

    private static void time(ObjectNode node, String field, Instant instant) {
        node.put(field, instant == null ? null : instant.toString());
    }

    private static void duration(ObjectNode node, Duration duration) {
        node.put("durationMs", ReportText.millis(duration));
    }
}
