package dev.dockmock.protocol;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern VERSION_PREFIX = Pattern.compile("^/v(\\d+\\.\\d+)(/.*)?$");

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
        if (rawPath.startsWith("/v")) {
            Matcher m = VERSION_PREFIX.matcher(rawPath);
            if (m.matches()) {
                version = Optional.of(ApiVersion.parse(m.group(1)));
                rawPath = m.group(2) == null ? "/" : m.group(2);
            }
        }
        String path = rawPath.indexOf('%') < 0 ? rawPath : URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        return new ApiRequest(method, target, path, version, QueryParams.parse(rawQuery), headers, body, client);
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
