package dev.dockmock.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * An error as dockerd reports it: an HTTP status and a message, sent as
 * {@code {"message": "..."}} with {@code Content-Type: application/json} exactly, which is the
 * only form the Go client parses.
 *
 * @param status the HTTP status code (4xx or 5xx)
 * @param message the human-readable message the client prints after "Error response from daemon: "
 */
public record DockerError(int status, String message) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static DockerError of(int status, String message) {
        return new DockerError(status, message);
    }

    /** The wire form of {@code message}. */
    public byte[] body() {
        try {
            return JSON.writeValueAsBytes(Map.of("message", message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an error message", e);
        }
    }

    public ApiResponse toResponse() {
        return ApiResponse.json(status, body());
    }

    /** An exception carrying this error, for handlers that prefer to throw. */
    public DockerException toException() {
        return new DockerException(this);
    }
}
