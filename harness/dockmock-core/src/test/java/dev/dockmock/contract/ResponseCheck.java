package dev.dockmock.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockmock.protocol.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rules one response is held to: its status declared for the operation, the declared
 * headers present, its content type among {@code produces} ({@code application/json} exactly for
 * errors), and its JSON body, or each message of a JSON stream, shaped as the declared schema.
 */
public final class ResponseCheck {
    /**
     * Streams whose 200 response the spec leaves without a schema although its definitions name
     * the message type: dockerd's JSON progress messages.
     */
    private static final Map<String, String> STREAM_MESSAGES = Map.of(
            "ImageCreate", "CreateImageInfo",
            "ImagePush", "PushImageInfo",
            "ImageBuild", "BuildInfo");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiSpec spec;
    private final SchemaValidator validator;

    public ResponseCheck(ApiSpec spec) {
        this.spec = spec;
        this.validator = new SchemaValidator(spec);
    }

    /** Status, headers and content type; {@code hasBody} says whether anything follows the headers. */
    public List<String> checkHead(SpecOperation op, ApiResponse response, boolean hasBody) {
        List<String> problems = new ArrayList<>();
        Optional<JsonNode> declared = op.response(response.status());
        if (declared.isEmpty()) {
            problems.add("status " + response.status() + " is not declared (declared: " + String.join(", ", op.declaredStatuses()) + ")");
            if (hasBody && isError(response.status())) {
                checkErrorContentType(response, problems);
            }
            return problems;
        }
        JsonNode answer = spec.resolve(declared.get());
        for (Iterator<Map.Entry<String, JsonNode>> it = answer.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            Optional<String> value = response.headers().first(header.getKey());
            if (value.isEmpty()) {
                problems.add("declared header " + header.getKey() + " is missing");
            } else {
                checkHeaderValue(header.getKey(), value.get(), header.getValue(), problems);
            }
        }
        if ((response.status() == 204 || response.status() == 304) && hasBody) {
            problems.add("a " + response.status() + " answer must have no body");
        }
        if (hasBody) {
            if (isErrorSchema(answer) || isError(response.status())) {
                checkErrorContentType(response, problems);
            } else {
                checkContentType(op, response, problems);
            }
        }
        return problems;
    }

    /** A complete body, checked against the declared schema when it is JSON. */
    public List<String> checkDocument(SpecOperation op, int status, String contentType, byte[] body, boolean head) {
        List<String> problems = new ArrayList<>();
        JsonNode schema = schema(op, status);
        if (schema == null && isError(status)) {
            schema = JSON.createObjectNode().put("$ref", "#/definitions/ErrorResponse");
        }
        if (schema == null || isOpaque(schema)) {
            return problems;
        }
        if (body.length == 0) {
            if (!head) {
                problems.add("empty body where the spec declares " + name(op, status));
            }
            return problems;
        }
        if (!isJson(contentType)) {
            return problems;
        }
        JsonNode expected = schema;
        parse(body).ifPresentOrElse(doc -> validator.validate(doc, expected).forEach(problems::add),
                () -> problems.add("body is not JSON: " + preview(body)));
        return problems;
    }

    /** The messages of a JSON stream (newline-delimited), each checked against the message schema. */
    public List<String> checkStream(SpecOperation op, int status, String contentType, List<byte[]> chunks) {
        List<String> problems = new ArrayList<>();
        JsonNode schema = messageSchema(op, status);
        if (!isJson(contentType)) {
            return problems;
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        chunks.forEach(all::writeBytes);
        String[] lines = all.toString(StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Optional<JsonNode> message = parse(line.getBytes(StandardCharsets.UTF_8));
            if (message.isEmpty()) {
                problems.add("stream message " + (i + 1) + " is not JSON: " + preview(line.getBytes(StandardCharsets.UTF_8)));
            } else if (schema != null) {
                int n = i + 1;
                validator.validate(message.get(), schema).forEach(p -> problems.add("stream message " + n + ": " + p));
            }
        }
        return problems;
    }

    private JsonNode messageSchema(SpecOperation op, int status) {
        JsonNode schema = schema(op, status);
        if (schema != null && !isOpaque(schema)) {
            return schema;
        }
        String definition = STREAM_MESSAGES.get(op.operationId());
        JsonNode node = definition == null ? null : JSON.createObjectNode().put("$ref", "#/definitions/" + definition);
        return node != null && !spec.resolve(node).isMissingNode() ? node : null;
    }

    private JsonNode schema(SpecOperation op, int status) {
        return op == null ? null : op.response(status).map(r -> spec.resolve(r).get("schema")).orElse(null);
    }

    private String name(SpecOperation op, int status) {
        JsonNode schema = schema(op, status);
        if (schema == null) {
            return "ErrorResponse";
        }
        return ApiSpec.refName(schema).orElse(spec.resolve(schema).path("type").asText("a schema"));
    }

    /** A body the spec declares as a string (text or binary): not JSON to look into. */
    private boolean isOpaque(JsonNode schema) {
        return "string".equals(spec.resolve(schema).path("type").asText(null));
    }

    private boolean isErrorSchema(JsonNode answer) {
        return ApiSpec.refName(answer.get("schema")).filter("ErrorResponse"::equals).isPresent();
    }

    private static boolean isError(int status) {
        return status >= 400;
    }

    private static void checkErrorContentType(ApiResponse response, List<String> problems) {
        String type = response.headers().first("Content-Type").orElse(null);
        if (!ApiResponse.JSON.equals(type)) {
            problems.add("error answer with Content-Type " + (type == null ? "(none)" : "\"" + type + "\"")
                    + "; errors need exactly application/json (the Go client parses no other)");
        }
    }

    private static void checkContentType(SpecOperation op, ApiResponse response, List<String> problems) {
        Optional<String> type = response.headers().first("Content-Type");
        if (type.isEmpty()) {
            problems.add("no Content-Type; the spec produces " + op.produces());
            return;
        }
        String media = mediaType(type.get());
        if (op.produces().stream().noneMatch(p -> p.toLowerCase(Locale.ROOT).equals(media))) {
            problems.add("Content-Type \"" + type.get() + "\" is not among the spec's produces " + op.produces());
        }
    }

    private static void checkHeaderValue(String name, String value, JsonNode schema, List<String> problems) {
        String type = schema.path("type").asText("string");
        if (type.equals("boolean") && !value.equals("true") && !value.equals("false")) {
            problems.add("header " + name + ": \"" + value + "\" is not a boolean");
        } else if (type.equals("integer") && !value.matches("-?\\d+")) {
            problems.add("header " + name + ": \"" + value + "\" is not an integer");
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.asText().equals(value);
            }
            if (!listed) {
                problems.add("header " + name + ": \"" + value + "\" is not one of " + schema.get("enum"));
            }
        }
    }

    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String media = mediaType(contentType);
        return media.equals("application/json") || media.endsWith("+json");
    }

    private static Optional<JsonNode> parse(byte[] body) {
        try {
            return Optional.ofNullable(JSON.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String preview(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return '"' + (text.length() > 80 ? text.substring(0, 77) + "..." : text) + '"';
    }
}
