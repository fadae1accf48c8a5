package dev.dockmock.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** The one JSON mapper dockmock uses, configured as dockerd's Go encoder behaves. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Serialises a value; values here are maps, lists and records we built, so failure is a bug. */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    /** Like {@link #bytes} with the trailing newline Go's encoder writes. */
    public static byte[] line(Object value) {
        byte[] body = bytes(value);
        byte[] withNewline = java.util.Arrays.copyOf(body, body.length + 1);
        withNewline[body.length] = '\n';
        return withNewline;
    }

    /**
     * Parses a request body.
     *
     * @throws DockerException 400 with Docker's wording when the body is not JSON
     */
    public static JsonNode parse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DockerException(400, "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DockerException(400, "invalid JSON: " + e.getMessage());
        }
    }
}
