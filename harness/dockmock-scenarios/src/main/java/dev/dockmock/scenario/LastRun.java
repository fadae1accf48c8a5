package dev.dockmock.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.protocol.Json;
import dev.dockmock.scenario.result.Outcome;
import dev.dockmock.scenario.result.RunResult;
import dev.dockmock.scenario.result.ScenarioResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The runner's own memory of the last run, {@code last-run.json} in the report directory: each
 * scenario's name, file and outcome, so that {@code --rerun-failed} knows what failed. Not a
 * report; the report formats are {@code dev.dockmock.scenario.report}'s.
 */
final class LastRun {
    static final String FILE = "last-run.json";

    private LastRun() {
    }

    static void write(RunResult run, Path dir) throws IOException {
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("started", run.started().toString());
        ArrayNode list = doc.putArray("scenarios");
        for (ScenarioResult scenario : run.scenarios()) {
            list.addObject().put("name", scenario.name()).put("file", scenario.file()).put("outcome", scenario.outcome().name());
        }
        Files.createDirectories(dir);
        Files.write(dir.resolve(FILE), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
    }

    /** The names of the scenarios that failed or erred last time; empty when no run was recorded in {@code dir}. */
    static Optional<Set<String>> failed(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode doc = Json.mapper().readTree(file.toFile());
        Set<String> names = new HashSet<>();
        for (JsonNode scenario : doc.path("scenarios")) {
            String outcome = scenario.path("outcome").asText();
            if (outcome.equals(Outcome.FAILED.name()) || outcome.equals(Outcome.ERROR.name())) {
                names.add(scenario.path("name").asText());
            }
        }
        return Optional.of(names);
    }
}
