package dev.dockmock.scenario.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.faults.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A value of a scenario document with where it is, so that every complaint names its field and line. */
final class Node {
    private final YamlDocument document;
    private final JsonNode value;
    private final String pointer;
    private final String path;

    private Node(YamlDocument document, JsonNode value, String pointer, String path) {
        this.document = document;
        this.value = value;
        this.pointer = pointer;
        this.path = path;
    }

    static Node root(YamlDocument document) {
        return new Node(document, document.root, "", "");
    }

    JsonNode json() {
        return value;
    }

    Path file() {
        return document.file;
    }

    String path() {
        return path;
    }

    ScenarioFormatException fail(String problem) {
        int line = document.line(pointer);
        for (String at = pointer; line == 0 && !at.isEmpty(); at = at.substring(0, at.lastIndexOf('/'))) {
            line = document.line(at);
        }
        return new ScenarioFormatException(document.file, line, path, problem);
    }

    boolean isText() {
        return value.isValueNode();
    }

    boolean isMap() {
        return value.isObject();
    }

    boolean isList() {
        return value.isArray();
    }

    /** Refuses fields other than {@code known}, naming the known ones. */
    Node allowOnly(Set<String> known) {
        requireMap();
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw field(name).fail("unknown field \"" + name + "\"; known here: " + String.join(", ", new TreeSet<>(known)));
            }
        }
        return this;
    }

    Node requireMap() {
        if (!value.isObject()) {
            throw fail("expected a mapping (name: value, ...), got " + describe());
        }
        return this;
    }

    boolean has(String name) {
        return value.isObject() && value.has(name) && !value.get(name).isNull();
    }

    Node field(String name) {
        JsonNode child = value.isObject() ? value.get(name) : null;
        return new Node(document, child == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : child,
                pointer + "/" + name.replace("~", "~0").replace("/", "~1"), path.isEmpty() ? name : path + "." + name);
    }

    Optional<Node> optional(String name) {
        return has(name) ? Optional.of(field(name)) : Optional.empty();
    }

    List<Node> items() {
        if (!value.isArray()) {
            throw fail("expected a list, got " + describe());
        }
        List<Node> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            items.add(new Node(document, value.get(i), pointer + "/" + i, path + "[" + i + "]"));
        }
        return items;
    }

    /** The fields of a mapping in order, each as a node. */
    Map<String, Node> entries() {
        requireMap();
        Map<String, Node> entries = new LinkedHashMap<>();
        value.fieldNames().forEachRemaining(name -> entries.put(name, field(name)));
        return entries;
    }

    String text() {
        if (!value.isValueNode() || value.isNull()) {
            throw fail("expected a text value, got " + describe());
        }
        return value.asText();
    }

    int wholeNumber() {
        if (value.isIntegralNumber()) {
            return value.asInt();
        }
        throw fail("expected a whole number, got " + describe());
    }

    boolean bool() {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        throw fail("expected true or false, got " + describe());
    }

    Duration duration() {
        try {
            return value.isIntegralNumber() ? Duration.ofSeconds(value.asLong()) : Durations.parse(text());
        } catch (IllegalArgumentException e) {
            throw fail("expected a duration such as 500ms, 5s or 2m, got " + describe());
        }
    }

    /** One text or a list of texts. */
    List<String> texts() {
        if (value.isArray()) {
            return items().stream().map(Node::text).toList();
        }
        return List.of(text());
    }

    /** A mapping of names to text values. */
    Map<String, String> textMap() {
        Map<String, String> map = new LinkedHashMap<>();
        entries().forEach((name, node) -> map.put(name, node.text()));
        return map;
    }

    /** A path relative to the scenario file's directory. */
    Path relativePath() {
        Path dir = document.file.toAbsolutePath().getParent();
        return dir.resolve(text()).normalize();
    }

    String describe() {
        if (value.isMissingNode() || value.isNull()) {
            return "nothing";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        return "\"" + value.asText() + "\"";
    }
}
