package dev.dockmock.engine.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.protocol.DockerException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The Go types of a request body's fields, checked as dockerd's JSON decoder checks them: a
 * field of the wrong JSON type is refused with Go's message naming the struct and field
 * ({@code invalid JSON: json: cannot unmarshal string into Go struct field CreateRequest.HostConfig.Memory
 * of type int64}). Unknown fields and {@code null} pass, as in Go.
 */
public final class JsonShape {

    /** A Go field type as the decoder sees it. */
    public enum GoType {
        STRING("string"), BOOL("bool"), INT64("int64"), OBJECT("struct"), STRING_LIST("[]string"),
        /** dockerd's {@code strslice.StrSlice}: a string or a list of strings. */
        STR_SLICE("strslice.StrSlice"), STRING_MAP("map[string]string"), LIST("[]");

        private final String goName;

        GoType(String goName) {
            this.goName = goName;
        }
    }

    private final String struct;
    /** The fields as a tree, so that a check visits the fields the body has rather than every field the shape knows. */
    private final Step root = new Step("");

    /** One name along a field path: its type when the path ends here, and the names below it. */
    private static final class Step {
        final String path;
        final Map<String, Step> below = new HashMap<>();
        GoType type;

        Step(String path) {
            this.path = path;
        }
    }

    private JsonShape(String struct) {
        this.struct = struct;
    }

    /** A shape for the Go struct named {@code struct}; add fields with {@link #field}. */
    public static JsonShape of(String struct) {
        return new JsonShape(struct);
    }

    /** A field by its dotted path from the body ({@code HostConfig.Memory}). */
    public JsonShape field(String path, GoType type) {
        Step step = root;
        for (String name : path.split("\\.")) {
            String prefix = step.path.isEmpty() ? name : step.path + "." + name;
            step = step.below.computeIfAbsent(name, n -> new Step(prefix));
        }
        step.type = type;
        return this;
    }

    /** Checks {@code body}; throws 400 for the first field of the wrong type, in the body's order as Go's decoder goes. */
    public void check(JsonNode body) {
        if (body != null && body.isObject()) {
            check(body, root);
        }
    }

    private void check(JsonNode object, Step shape) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Step step = shape.below.get(field.getKey());
            JsonNode value = field.getValue();
            if (step == null || value.isNull()) {
                continue;
            }
            if (step.type != null && !fits(value, step.type)) {
                throw new DockerException(400, "invalid JSON: json: cannot unmarshal " + describe(value) + " into Go struct field "
                        + struct + "." + step.path + " of type " + step.type.goName);
            }
            if (!step.below.isEmpty() && value.isObject()) {
                check(value, step);
            }
        }
    }

    private static boolean fits(JsonNode node, GoType type) {
        return switch (type) {
            case STRING -> node.isTextual();
            case BOOL -> node.isBoolean();
            case INT64 -> node.isIntegralNumber() && node.canConvertToLong();
            case OBJECT -> node.isObject();
            case LIST -> node.isArray();
            case STRING_LIST -> node.isArray() && allText(node);
            case STR_SLICE -> node.isTextual() || node.isArray() && allText(node);
            case STRING_MAP -> node.isObject() && allText(node);
        };
    }

    private static boolean allText(JsonNode container) {
        for (JsonNode element : container) {
            if (!element.isTextual() && !element.isNull()) {
                return false;
            }
        }
        return true;
    }

    /** Go names the JSON value: {@code string}, {@code bool}, {@code array}, {@code object}, or {@code number 1.5}. */
    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "string";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isObject()) {
            return "object";
        }
        return node.isNumber() && !(node.isIntegralNumber() && node.canConvertToLong()) ? "number " + node.asText() : "number";
    }
}
