package dev.dockmock.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One operation of the Docker API spec: a method on a path template, with its declared responses.
 *
 * @param method the HTTP method, upper case
 * @param path the spec's path template, such as {@code /containers/{id}/json}
 * @param operationId the spec's name for it, such as {@code ContainerInspect}
 * @param tags the spec's tags (its section: Container, Image, ...)
 * @param produces the content types it may answer with (its own list, or the spec's global one)
 * @param node the operation's object in the spec
 */
public record SpecOperation(String method, String path, String operationId, List<String> tags, List<String> produces,
        JsonNode node) {

    public SpecOperation {
        tags = List.copyOf(tags);
        produces = List.copyOf(produces);
    }

    /** The path's segments, without the leading slash. */
    public List<String> segments() {
        return List.of(path.substring(1).split("/", -1));
    }

    /** The declared response for a status code, else the {@code default} response, unresolved. */
    public Optional<JsonNode> response(int status) {
        JsonNode responses = node.path("responses");
        JsonNode exact = responses.get(String.valueOf(status));
        if (exact != null) {
            return Optional.of(exact);
        }
        return Optional.ofNullable(responses.get("default"));
    }

    /** The status codes declared, in spec order ({@code default} included when present). */
    public List<String> declaredStatuses() {
        List<String> codes = new ArrayList<>();
        node.path("responses").fieldNames().forEachRemaining(codes::add);
        return codes;
    }

    /** The first tag, or {@code (untagged)}. */
    public String tag() {
        return tags.isEmpty() ? "(untagged)" : tags.get(0);
    }

    @Override
    public String toString() {
        return operationId + " (" + method + " " + path + ")";
    }
}
