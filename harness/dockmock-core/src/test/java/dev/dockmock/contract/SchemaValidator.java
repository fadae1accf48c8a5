package dev.dockmock.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a JSON value against a Swagger 2.0 schema of the Docker API: types, formats, enums,
 * required properties, arrays and objects recursively, {@code allOf}, {@code additionalProperties}
 * and {@code x-nullable}.
 *
 * <p>Lenient where dockerd itself is, and strict elsewhere:
 * <ul>
 *   <li>properties a schema does not declare are allowed (the API is an open schema model);
 *   <li>{@code null} for an array, or for a map (an object with {@code additionalProperties} and
 *       no declared properties), is allowed unless {@code x-nullable: false}: Go encodes nil
 *       slices and maps as {@code null}, and dockerd's documents carry such nulls everywhere;
 *   <li>any other {@code null} needs {@code x-nullable: true}.
 * </ul>
 */
public final class SchemaValidator {
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final ApiSpec spec;

    public SchemaValidator(ApiSpec spec) {
        this.spec = spec;
    }

    /** The problems found, each starting with the JSON path ({@code $.State.Status}); empty when the value conforms. */
    public List<String> validate(JsonNode value, JsonNode schema) {
        List<String> problems = new ArrayList<>();
        check(value, schema, "$", problems);
        return problems;
    }

    private void check(JsonNode value, JsonNode schemaRef, String at, List<String> out) {
        if (schemaRef == null || schemaRef.isMissingNode() || schemaRef.isNull()) {
            return;
        }
        JsonNode schema = spec.resolve(schemaRef);
        String type = type(schema);
        if (value.isNull()) {
            checkNull(schemaRef, schema, type, at, out);
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            check(value, part, at, out);
        }
        if (type != null && !typeMatches(value, type)) {
            out.add(at + ": expected " + type + describe(schemaRef) + ", got " + render(value));
            return;
        }
        checkEnum(value, schema, at, out);
        if (value.isTextual()) {
            checkString(value.asText(), schema, at, out);
        } else if (value.isNumber()) {
            checkNumber(value, schema, at, out);
        } else if (value.isArray()) {
            checkArray(value, schema, at, out);
        } else if (value.isObject()) {
            checkObject(value, schema, at, out);
        }
    }

    private void checkNull(JsonNode schemaRef, JsonNode schema, String type, String at, List<String> out) {
        JsonNode nullable = schemaRef.has("x-nullable") ? schemaRef.get("x-nullable") : schema.get("x-nullable");
        if (nullable != null) {
            if (!nullable.asBoolean()) {
                out.add(at + ": null, but the schema" + describe(schemaRef) + " says x-nullable: false");
            }
            return;
        }
        boolean goNilCollection = "array".equals(type)
                || ("object".equals(type) && !schema.has("properties") && schema.has("additionalProperties"));
        if (!goNilCollection && type != null) {
            out.add(at + ": null, but the schema" + describe(schemaRef) + " (" + type + ") is not x-nullable");
        }
    }

    private String type(JsonNode schema) {
        if (schema.has("type")) {
            return schema.get("type").asText();
        }
        if (schema.path("allOf").size() > 0) {
            return type(spec.resolve(schema.path("allOf").get(0)));
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        return schema.has("items") ? "array" : null;
    }

    private static boolean typeMatches(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
    }

    private static void checkEnum(JsonNode value, JsonNode schema, String at, List<String> out) {
        JsonNode allowed = schema.get("enum");
        if (allowed == null || !allowed.isArray()) {
            return;
        }
        for (JsonNode option : allowed) {
            if (option.equals(value) || (option.isValueNode() && value.isValueNode() && option.asText().equals(value.asText()))) {
                return;
            }
        }
        out.add(at + ": " + render(value) + " is not one of the enum " + allowed);
    }

    private static void checkString(String text, JsonNode schema, String at, List<String> out) {
        String format = schema.path("format").asText("");
        if (format.equals("date-time") || format.equals("dateTime")) {
            try {
                OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                out.add(at + ": \"" + text + "\" is not an RFC 3339 date-time (format " + format + ")");
            }
        }
        if (schema.has("pattern")) {
            try {
                if (!Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
                    out.add(at + ": \"" + text + "\" does not match the pattern " + schema.get("pattern").asText());
                }
            } catch (PatternSyntaxException e) {
                // a Go regular expression Java cannot read: nothing to hold the value to
            }
        }
    }

    private static void checkNumber(JsonNode value, JsonNode schema, String at, List<String> out) {
        String format = schema.path("format").asText("");
        if (value.isIntegralNumber()) {
            BigInteger n = value.bigIntegerValue();
            BigInteger max = switch (format) {
                case "int32" -> BigInteger.valueOf(Integer.MAX_VALUE);
                case "int64" -> BigInteger.valueOf(Long.MAX_VALUE);
                case "uint8" -> BigInteger.valueOf(255);
                case "uint16" -> BigInteger.valueOf(65535);
                case "uint32" -> BigInteger.valueOf(4294967295L);
                case "uint64" -> UINT64_MAX;
                default -> null;
            };
            BigInteger min = format.startsWith("uint") ? BigInteger.ZERO
                    : format.equals("int32") ? BigInteger.valueOf(Integer.MIN_VALUE)
                    : format.equals("int64") ? BigInteger.valueOf(Long.MIN_VALUE) : null;
            if ((max != null && n.compareTo(max) > 0) || (min != null && n.compareTo(min) < 0)) {
                out.add(at + ": " + n + " is out of range for format " + format);
            }
        }
        if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
            out.add(at + ": " + value + " is below the minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
            out.add(at + ": " + value + " is above the maximum " + schema.get("maximum"));
        }
    }

    private void checkArray(JsonNode value, JsonNode schema, String at, List<String> out) {
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            out.add(at + ": " + value.size() + " items, fewer than minItems " + schema.get("minItems").asInt());
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            out.add(at + ": " + value.size() + " items, more than maxItems " + schema.get("maxItems").asInt());
        }
        JsonNode items = schema.get("items");
        for (int i = 0; items != null && i < value.size(); i++) {
            check(value.get(i), items, at + "[" + i + "]", out);
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String at, List<String> out) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                out.add(at + ": required property \"" + required.asText() + "\" is missing");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String where = at + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), where, out);
            } else if (additional != null && additional.isObject() && !declaredInAllOf(schema, field.getKey())) {
                check(field.getValue(), additional, where, out);
            }
        }
    }

    private boolean declaredInAllOf(JsonNode schema, String name) {
        for (JsonNode part : schema.path("allOf")) {
            if (spec.resolve(part).path("properties").has(name)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(JsonNode schemaRef) {
        return ApiSpec.refName(schemaRef).map(n -> " (" + n + ")").orElse("");
    }

    /** A value as it appears in a message, shortened. */
    static String render(JsonNode value) {
        String kind = value.isTextual() ? "string" : value.isNumber() ? "number" : value.isBoolean() ? "boolean"
                : value.isArray() ? "array" : value.isObject() ? "object" : "null";
        String text = value.toString();
        return kind + " " + (text.length() > 80 ? text.substring(0, 77) + "..." : text);
    }
}
