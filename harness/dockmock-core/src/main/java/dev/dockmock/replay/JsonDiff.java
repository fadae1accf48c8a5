package dev.dockmock.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.session.JsonBodies;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Compares JSON bodies field by field, leaving out ignored fields. */
final class JsonDiff {
    private JsonDiff() {
    }

    /**
     * {@code node} as replay compares it: without the ignored fields, and with every {@code Env}
     * list of strings sorted. The docker CLI sends {@code -e} variables in no fixed order (it
     * keeps them in a Go map), so the same command differs from run to run only there.
     */
    static JsonNode comparable(JsonNode node, List<String> ignoredPointers) {
        JsonNode copy = without(node, ignoredPointers);
        if (copy == node && hasEnv(node)) {
            copy = node.deepCopy();
        }
        sortEnv(copy);
        return copy;
    }

    private static boolean hasEnv(JsonNode node) {
        return !node.findValues("Env").isEmpty();
    }

    private static void sortEnv(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                if (field.getKey().equals("Env") && field.getValue() instanceof ArrayNode list && allText(list)) {
                    List<JsonNode> entries = new ArrayList<>();
                    list.forEach(entries::add);
                    entries.sort(Comparator.comparing(JsonNode::asText));
                    list.removeAll();
                    list.addAll(entries);
                } else {
                    sortEnv(field.getValue());
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(JsonDiff::sortEnv);
        }
    }

    private static boolean allText(ArrayNode list) {
        for (JsonNode element : list) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** A copy of {@code node} without the fields the JSON pointers name ({@code *} matches any segment). */
    static JsonNode without(JsonNode node, List<String> pointers) {
        if (pointers.isEmpty()) {
            return node;
        }
        JsonNode copy = node.deepCopy();
        for (String pointer : pointers) {
            String[] segments = pointer.substring(1).split("/", -1);
            for (int i = 0; i < segments.length; i++) {
                segments[i] = segments[i].replace("~1", "/").replace("~0", "~");
            }
            remove(copy, segments, 0);
        }
        return copy;
    }

    private static void remove(JsonNode node, String[] segments, int index) {
        String segment = segments[index];
        boolean last = index == segments.length - 1;
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            if (segment.equals("*")) {
                object.fieldNames().forEachRemaining(names::add);
            } else if (object.has(segment)) {
                names.add(segment);
            }
            for (String name : names) {
                if (last) {
                    object.remove(name);
                } else {
                    remove(object.get(name), segments, index + 1);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (segment.equals("*") || segment.equals(String.valueOf(i))) {
                    if (last) {
                        // removing would shift the indices after it; a null keeps them comparable
                        array.set(i, NullNode.getInstance());
                    } else {
                        remove(array.get(i), segments, index + 1);
                    }
                }
            }
        }
    }

    /** Where {@code recorded} and {@code got} differ, deepest first-differing places, in field order. */
    static List<Difference> compare(JsonNode recorded, JsonNode got) {
        List<Difference> differences = new ArrayList<>();
        compare("", recorded, got, differences);
        return differences;
    }

    private static void compare(String path, JsonNode recorded, JsonNode got, List<Difference> out) {
        if (recorded != null && recorded.equals(got)) {
            return;
        }
        if (recorded instanceof ObjectNode a && got instanceof ObjectNode b) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), out);
            }
            return;
        }
        if (recorded instanceof ArrayNode a && got instanceof ArrayNode b && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                compare(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
            return;
        }
        String what = path.isEmpty() ? "body" : "body field " + path;
        out.add(new Difference(what, JsonBodies.text(recorded), JsonBodies.text(got), 1));
    }
}
