package dev.dockmock.engine.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.util.Locale;

/** Reads a JSON request body as dockerd's {@code httputils.ReadJSON} does. */
public final class RequestJson {

    private RequestJson() {
    }

    /**
     * The body as a JSON object; an empty body is an empty object, as dockerd decodes nothing then.
     *
     * @throws DockerException 400 for a body that is not JSON, not an object, or not sent as {@code application/json}
     */
    public static JsonNode object(ApiRequest request) {
        if (request.body().length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        String type = request.headers().first("Content-Type").orElse("");
        String media = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            throw new DockerException(400, "unsupported Content-Type header (" + type + "): must be 'application/json'");
        }
        JsonNode node = Json.parse(request.body());
        if (node == null || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new DockerException(400, "invalid JSON: json: cannot unmarshal " + kind(node) + " into Go value of type object");
        }
        return node;
    }

    private static String kind(JsonNode node) {
        if (node.isArray()) {
            return "array";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        return "number";
    }
}
