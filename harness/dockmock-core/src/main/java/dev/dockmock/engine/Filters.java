package dev.dockmock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code filters} query parameter: JSON of the form {@code {"label":{"a=b":true}}} (current)
 * or {@code {"label":["a=b"]}} (old clients), read into name to values.
 */
public final class Filters {
    private static final Filters NONE = new Filters(Map.of());

    private final Map<String, List<String>> values;

    private Filters(Map<String, List<String>> values) {
        this.values = values;
    }

    public static Filters none() {
        return NONE;
    }

    /**
     * Parses the parameter; {@code null} or empty gives no filters.
     *
     * @throws DockerException 400 when the JSON is malformed
     */
    public static Filters parse(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(json.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new DockerException(400, "invalid filter '" + json + "'");
        }
        if (root == null || !root.isObject()) {
            throw new DockerException(400, "invalid filter '" + json + "'");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            List<String> list = new ArrayList<>();
            JsonNode node = field.getValue();
            if (node.isArray()) {
                node.forEach(v -> list.add(v.asText()));
            } else if (node.isObject()) {
                node.fieldNames().forEachRemaining(list::add);
            } else {
                throw new DockerException(400, "invalid filter '" + json + "'");
            }
            values.put(field.getKey(), list);
        }
        return new Filters(values);
    }

    /**
     * Refuses filter names the endpoint does not know, with dockerd's message.
     *
     * @throws DockerException 400 {@code invalid filter 'x'}
     */
    public Filters accept(Set<String> known) {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new DockerException(400, "invalid filter '" + name + "'");
            }
        }
        return this;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public List<String> get(String name) {
        return values.getOrDefault(name, List.of());
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** True when the filter is absent or any of its values satisfies {@code test}. */
    public boolean anyMatches(String name, java.util.function.Predicate<String> test) {
        List<String> wanted = values.get(name);
        return wanted == null || wanted.stream().anyMatch(test);
    }

    /** Docker's label filter: every {@code key} or {@code key=value} given must hold. */
    public boolean labelsMatch(String name, Map<String, String> labels) {
        for (String wanted : get(name)) {
            int eq = wanted.indexOf('=');
            if (eq < 0 ? !labels.containsKey(wanted) : !wanted.substring(eq + 1).equals(labels.get(wanted.substring(0, eq)))) {
                return false;
            }
        }
        return true;
    }
}
