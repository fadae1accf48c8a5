package dev.dockmock.cli.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.protocol.Json;
import java.util.List;

/**
 * The results as a JSON document, for tools and for comparing runs over time. Latencies are in
 * microseconds; every figure that was repeated has its median, min and max, and each run's own
 * figures are kept under {@code runs}.
 */
final class JsonReport {

    private JsonReport() {
    }

    static byte[] render(BenchEnvironment environment, BenchOptions options, List<RowResult> results, List<Figure> figures,
            List<Verdict> verdicts) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        root.put("time", environment.time().toString());
        ObjectNode env = root.putObject("environment");
        env.put("javaVersion", environment.javaVersion());
        env.put("javaRuntime", environment.javaRuntime());
        env.put("os", environment.os());
        env.put("cpus", environment.cpus());
        env.put("dockmockVirtualThreads", environment.virtualThreads());
        env.put("heap", environment.heap());
        env.put("collector", environment.collector());
        ObjectNode settings = root.putObject("settings");
        settings.put("connections", options.connections());
        settings.put("warmupSeconds", options.warmup().toMillis() / 1000.0);
        settings.put("durationSeconds", options.duration().toMillis() / 1000.0);
        settings.put("runs", options.runs());
        settings.put("warmupRuns", options.warmupRuns());
        settings.put("containers", options.containers());
        settings.put("heldConnections", options.held());
        settings.put("swarmNodes", options.swarmNodes());
        root.put("ceiling", Row.MINIMAL + ": precomputed bytes from one selector thread, same transport");
        root.put("wiremock", "WireMock standalone 3.13 in its own JVM, default settings, tcp only (no unix socket)");
        ArrayNode rows = root.putArray("rows");
        for (RowResult result : results) {
            Row row = result.row();
            ObjectNode node = rows.addObject();
            node.put("target", row.target());
            node.put("transport", row.transport());
            node.put("endpoint", row.endpoint().label());
            node.put("responseBodyBytes", row.endpoint().bodyBytes());
            spread(node.putObject("requestsPerSecond"), result.requestsPerSecond());
            spread(node.putObject("p50Micros"), result.p50Micros());
            spread(node.putObject("p99Micros"), result.p99Micros());
            node.put("maxMicros", result.maxMicros());
            spread(node.putObject("ratioToMinimal"), result.vsMinimal());
            spread(node.putObject("ratioToWireMock"), result.vsWireMock());
            node.put("errors", result.errors());
            ArrayNode runs = node.putArray("runs");
            for (Measurement m : result.runs()) {
                ObjectNode run = runs.addObject();
                run.put("requests", m.requests());
                run.put("seconds", m.seconds());
                run.put("requestsPerSecond", Math.round(m.requestsPerSecond() * 10) / 10.0);
                run.put("p50Micros", m.p50Micros());
                run.put("p99Micros", m.p99Micros());
                run.put("maxMicros", m.maxMicros());
                run.put("errors", m.errors());
                if (m.failure() != null) {
                    run.put("failure", m.failure());
                }
            }
        }
        ArrayNode sections = root.putArray("figures");
        for (Figure figure : figures) {
            ObjectNode node = sections.addObject();
            node.put("section", figure.section());
            node.put("name", figure.name());
            node.put("target", figure.target());
            node.put("unit", figure.unit());
            if (figure.value() != null) {
                spread(node.putObject("value"), figure.value());
            } else {
                node.putNull("value");
            }
            if (!figure.note().isEmpty()) {
                node.put("note", figure.note());
            }
        }
        ArrayNode targets = root.putArray("verdicts");
        for (Verdict verdict : verdicts) {
            ObjectNode node = targets.addObject();
            node.put("goal", verdict.goal());
            node.put("measured", verdict.measured());
            node.put("verdict", verdict.word());
        }
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    private static void spread(ObjectNode node, Spread spread) {
        node.put("median", round(spread.median()));
        node.put("min", round(spread.min()));
        node.put("max", round(spread.max()));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
