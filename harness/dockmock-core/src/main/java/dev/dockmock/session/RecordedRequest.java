package dev.dockmock.session;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.Headers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request as the cassette keeps it. Replay matches on {@code method}, {@code path},
 * {@code query} and {@code body}; {@code target} and {@code headers} are kept to show what was sent.
 *
 * @param method the HTTP method
 * @param target the request target exactly as sent ({@code /v1.50/containers/json?all=1})
 * @param path the decoded path without the {@code /v1.NN} prefix ({@code /containers/json})
 * @param query the decoded query parameters, each with its values in order
 * @param headers the header fields as sent
 * @param body the body, decoded from any transfer coding (empty when none)
 */
public record RecordedRequest(String method, String target, String path, Map<String, List<String>> query,
        Headers headers, byte[] body) {

    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        query.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        query = java.util.Collections.unmodifiableMap(copy);
    }

    /** What a dispatcher received. */
    public static RecordedRequest of(ApiRequest request) {
        return new RecordedRequest(request.method(), request.target(), request.path(), request.query().asMap(),
                request.headers(), request.body());
    }

    /** The same request with another body, as redaction gives. */
    public RecordedRequest withBody(byte[] newBody) {
        return new RecordedRequest(method, target, path, query, headers, newBody);
    }

    /** The same request with other header fields, as redaction gives. */
    public RecordedRequest withHeaders(Headers newHeaders) {
        return new RecordedRequest(method, target, path, query, newHeaders, body);
    }

    /** {@code POST /containers/create?name=w}: method, normalised path and query, for messages. */
    public String describe() {
        StringBuilder text = new StringBuilder(method).append(' ').append(path);
        char separator = '?';
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            for (String value : entry.getValue()) {
                text.append(separator).append(entry.getKey()).append('=').append(value);
                separator = '&';
            }
        }
        return text.toString();
    }
}
