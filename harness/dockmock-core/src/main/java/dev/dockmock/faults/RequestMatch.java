package dev.dockmock.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.dispatch.Glob;
import dev.dockmock.dispatch.PathTemplate;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.Json;
import java.util.Map;
import java.util.Objects;

/**
 * Which requests a fault rule or a journal query is about. Every part is optional; an empty
 * match matches every request.
 *
 * @param method the HTTP method ({@code POST}), or null for any
 * @param path a path template without the version prefix ({@code /containers/{id}/logs},
 *     {@code /images/{name*}/json}), or null for any
 * @param query query parameters that must be present with these values
 * @param body top-level or dotted fields of the JSON body ({@code HostConfig.Memory}) that must
 *     have these values (compared as text)
 * @param userAgent a glob ({@code Docker-Client/*}, {@code *docker-java*}) the {@code User-Agent}
 *     must match, or null for any
 */
public record RequestMatch(String method, String path, Map<String, String> query, Map<String, String> body, String userAgent) {

    public static final RequestMatch ANY = new RequestMatch(null, null, Map.of(), Map.of(), null);

    public RequestMatch {
        query = Map.copyOf(query);
        body = Map.copyOf(body);
        if (path != null) {
            PathTemplate.parse(path); // fails early on a template that could never match
        }
    }

    /** Requests with {@code method} on {@code path} (a template). */
    public static RequestMatch of(String method, String path) {
        return new RequestMatch(method, path, Map.of(), Map.of(), null);
    }

    public RequestMatch withQuery(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(query);
        more.put(name, value);
        return new RequestMatch(method, path, more, body, userAgent);
    }

    public RequestMatch withBodyField(String field, String value) {
        Map<String, String> more = new java.util.HashMap<>(body);
        more.put(field, value);
        return new RequestMatch(method, path, query, more, userAgent);
    }

    public RequestMatch withUserAgent(String glob) {
        return new RequestMatch(method, path, query, body, glob);
    }

    /** Whether {@code request} is one of these. */
    public boolean matches(ApiRequest request) {
        if (method != null && !method.equalsIgnoreCase(request.method())) {
            return false;
        }
        if (path != null && PathTemplate.parse(path).match(request.path()) == null) {
            return false;
        }
        if (userAgent != null && !Glob.of(userAgent).matches(request.headers().first("User-Agent").orElse(""))) {
            return false;
        }
        for (Map.Entry<String, String> wanted : query.entrySet()) {
            if (!request.query().first(wanted.getKey()).map(wanted.getValue()::equals).orElse(false)) {
                return false;
            }
        }
        return body.isEmpty() || bodyMatches(request);
    }

    private boolean bodyMatches(ApiRequest request) {
        JsonNode document;
        try {
            document = Json.mapper().readTree(request.body());
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
        for (Map.Entry<String, String> wanted : body.entrySet()) {
            JsonNode node = document;
            for (String part : wanted.getKey().split("\\.")) {
                node = node == null ? null : node.get(part);
            }
            if (node == null || !(node.isValueNode() ? node.asText() : node.toString()).equals(wanted.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return (method == null ? "*" : method) + " " + Objects.requireNonNullElse(path, "*")
                + (query.isEmpty() ? "" : " query " + query) + (body.isEmpty() ? "" : " body " + body)
                + (userAgent == null ? "" : " agent " + userAgent);
    }
}
