package dev.dockmock.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads bodies that are one JSON object or array, as Docker's are, keeping numbers exact so a
 * body written back is the same JSON.
 */
public final class JsonBodies {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private JsonBodies() {
    }

    /**
     * The body as a JSON tree when it is exactly one object or array, optionally followed by
     * whitespace (Go's encoder ends with a newline); empty otherwise.
     */
    public static Optional<JsonNode> parse(byte[] body) {
        if (body.length == 0 || (body[0] != '{' && body[0] != '[')) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The whitespace that follows the JSON value of {@code body}. */
    static String trailer(byte[] body) {
        int end = body.length;
        while (end > 0 && (body[end - 1] == '\n' || body[end - 1] == '\r' || body[end - 1] == ' ' || body[end - 1] == '\t')) {
            end--;
        }
        return new String(body, end, body.length - end, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The compact JSON text of {@code node}. */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    /** {@code node} in JSON text, for messages. */
    public static String text(JsonNode node) {
        return node == null ? "(absent)" : new String(bytes(node), java.nio.charset.StandardCharsets.UTF_8);
    }
}
