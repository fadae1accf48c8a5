package dev.dockmock.protocol;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * One Docker API request as a value: everything a dispatcher needs, no socket.
 *
 * @param method the HTTP method, upper case
 * @param target the request target exactly as sent ({@code /v1.44/containers/json?all=1})
 * @param path the decoded path without the {@code /v1.NN} prefix ({@code /containers/json})
 * @param version the version named by the path prefix, empty when the path had none
 * @param query the decoded query parameters
 * @param headers the request header fields
 * @param body the request body, decoded from any transfer coding (empty array when none)
 * @param client where the request came from
 */
public record ApiRequest(
        String method,
        String target,
        String path,
        Optional<ApiVersion> version,
        QueryParams query,
        Headers headers,
        byte[] body,
        ClientInfo client) {

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(client, "client");
    }

    /**
     * Builds a request from what came on the wire, splitting the target into version, path and
     * query.
     *
     * @throws IllegalArgumentException when the target is not an absolute path or has bad escapes
     */
    public static ApiRequest of(String method, String target, Headers headers, byte[] body, ClientInfo client) {
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("request target must be an absolute path: " + target);
        }
        int question = target.indexOf('?');
        String rawPath = question < 0 ? target : target.substring(0, question);
        String rawQuery = question < 0 ? null : target.substring(question + 1);
        Optional<ApiVersion> version = Optional.empty();
        int prefix = versionPrefixEnd(rawPath);
        if (prefix > 0) {
            version = Optional.of(ApiVersion.parse(rawPath.substring(2, prefix)));
            rawPath = prefix == rawPath.length() ? "/" : rawPath.substring(prefix);
        }
        String path = rawPath.indexOf('%') < 0 ? rawPath : URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        return new ApiRequest(method, target, path, version, QueryParams.parse(rawQuery), headers, body, client);
    }

    /**
     * Where a {@code /v<major>.<minor>} prefix ends when the path starts with one followed by the
     * end or a {@code /} (and no line break after it), else -1. A scan, not a regular expression:
     * it runs for every request.
     */
    private static int versionPrefixEnd(String rawPath) {
        if (!rawPath.startsWith("/v")) {
            return -1;
        }
        int i = digits(rawPath, 2);
        if (i == 2 || i >= rawPath.length() || rawPath.charAt(i) != '.') {
            return -1;
        }
        int end = digits(rawPath, i + 1);
        if (end == i + 1 || end < rawPath.length() && rawPath.charAt(end) != '/') {
            return -1;
        }
        for (int j = end; j < rawPath.length(); j++) {
            char c = rawPath.charAt(j);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return -1;
            }
        }
        return end;
    }

    private static int digits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** A request made in memory, for tests and for dispatchers that call each other. */
    public static ApiRequest of(String method, String target) {
        return of(method, target, Headers.empty(), new byte[0], ClientInfo.inMemory());
    }

    /** The same request with another body and headers, as a builder would give. */
    public ApiRequest withBody(byte[] newBody, Headers newHeaders) {
        return new ApiRequest(method, target, path, version, query, newHeaders, newBody, client);
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** True when the client asked to take over the connection ({@code Upgrade: tcp}). */
    public boolean wantsUpgrade() {
        return headers.hasToken("Connection", "upgrade") || headers.has("Upgrade");
    }

    @Override
    public String toString() {
        return method + " " + target;
    }
}
