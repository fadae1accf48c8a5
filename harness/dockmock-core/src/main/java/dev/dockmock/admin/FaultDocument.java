package dev.dockmock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dockmock.engine.EngineFaults;
import dev.dockmock.engine.EngineFaults.ContainerFault;
import dev.dockmock.engine.events.DockerEvent;
import dev.dockmock.faults.Durations;
import dev.dockmock.faults.FaultFile;
import dev.dockmock.faults.FaultRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fault fixture (YAML or JSON, {@code fixtures/faults/*.yaml}, described in
 * {@code docs/faults.md}): request rules under {@code faults:}, engine faults under
 * {@code engine:} ({@code pulls:}, {@code containers:}) and events to inject under {@code events:}.
 *
 * @param rules the request-level rules
 * @param pulls pull faults
 * @param containers container faults
 * @param events events to publish when the document is applied
 */
public record FaultDocument(List<FaultRule> rules, List<EngineFaults.PullFault> pulls, List<ContainerFault> containers,
        List<DockerEvent> events) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public FaultDocument {
        rules = List.copyOf(rules);
        pulls = List.copyOf(pulls);
        containers = List.copyOf(containers);
        events = List.copyOf(events);
    }

    /** Reads a file, naming it in any error. */
    public static FaultDocument load(Path file) throws IOException {
        try {
            return parse(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot use fault file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses YAML or JSON text. @throws IllegalArgumentException saying what is wrong */
    public static FaultDocument parse(String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not YAML or JSON: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new FaultDocument(List.of(), List.of(), List.of(), List.of());
        }
        List<EngineFaults.PullFault> pulls = new ArrayList<>();
        for (JsonNode pull : root.path("engine").path("pulls")) {
            pulls.add(new EngineFaults.PullFault(pull.path("image").asText("*"), pull.has("error") ? pull.get("error").asText() : null,
                    pull.has("step") ? Durations.parse(pull.get("step").asText()) : null, pull.path("times").asInt(0)));
        }
        List<ContainerFault> containers = new ArrayList<>();
        for (JsonNode node : root.path("engine").path("containers")) {
            containers.add(container(node));
        }
        List<DockerEvent> events = new ArrayList<>();
        root.path("events").forEach(e -> events.add(event(e)));
        return new FaultDocument(FaultFile.rules(root.get("faults")), pulls, containers, events);
    }

    private static ContainerFault container(JsonNode node) {
        String target = node.path("target").asText("");
        if (target.isEmpty()) {
            throw new IllegalArgumentException("a container fault needs target: (a container name or image, globs allowed)");
        }
        Duration after = node.has("after") ? Durations.parse(node.get("after").asText()) : Duration.ZERO;
        if (node.path("oom").asBoolean(false)) {
            return new ContainerFault.OomKill(target, after);
        }
        if (node.has("exit")) {
            return new ContainerFault.Exit(target, node.get("exit").asInt(), after);
        }
        if (node.has("flapHealth")) {
            return new ContainerFault.FlappingHealth(target, Durations.parse(node.get("flapHealth").asText()));
        }
        throw new IllegalArgumentException("container fault for " + target + " needs exit:, oom: true or flapHealth:");
    }

    /** An event as {@code /events} shows it: {@code Type}, {@code Action}, {@code Actor: {ID, Attributes}}. */
    public static DockerEvent event(JsonNode node) {
        String type = node.path("Type").asText(node.path("type").asText(""));
        String action = node.path("Action").asText(node.path("action").asText(""));
        if (type.isEmpty() || action.isEmpty()) {
            throw new IllegalArgumentException("an event needs Type and Action: " + node);
        }
        JsonNode actor = node.path("Actor");
        Map<String, String> attributes = new LinkedHashMap<>();
        actor.path("Attributes").fields().forEachRemaining(f -> attributes.put(f.getKey(), f.getValue().asText()));
        Instant time = node.has("timeNano") ? Instant.ofEpochSecond(0, node.get("timeNano").asLong())
                : node.has("time") ? Instant.ofEpochSecond(node.get("time").asLong()) : Instant.now();
        return new DockerEvent(type, action, actor.path("ID").asText(""), attributes, node.path("scope").asText("local"), time);
    }

    /** Applies the document: its rules to {@code control}'s rules, its engine faults and events to its engine. */
    void applyTo(DockMockControl control) {
        rules.forEach(control.faults()::add);
        EngineFaults faults = control.engine().faults();
        pulls.forEach(faults::addPull);
        containers.forEach(faults::addContainer);
        events.forEach(control.engine().context().events()::publish);
    }
}
