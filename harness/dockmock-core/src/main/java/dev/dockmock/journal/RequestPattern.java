package dev.dockmock.journal;

import dev.dockmock.dispatch.PathTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Which requests a verification counts: a method ({@code *} for any), a path template matched
 * against the path without its {@code /v1.NN} prefix ({@code {id}} stands for one segment,
 * {@code {name*}} for one or more, as in {@code /images/{name*}/json}), and optionally the status
 * the request was answered with.
 *
 * <pre>{@code
 * RequestPattern.of("POST", "/containers/{id}/start")
 * RequestPattern.of("*", "/images/{name*}/json").withStatus(404)
 * }</pre>
 */
public final class RequestPattern {
    private final String method;
    private final String path;
    private final PathTemplate template;
    private final OptionalInt status;

    private RequestPattern(String method, String path, OptionalInt status) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = path;
        this.template = PathTemplate.parse(path);
        this.status = status;
    }

    /**
     * @param method an HTTP method, or {@code *} for any
     * @param path a path template starting with {@code /}, without a {@code /v1.NN} prefix
     * @throws IllegalArgumentException when the path does not start with {@code /}
     */
    public static RequestPattern of(String method, String path) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        return new RequestPattern(method, path, OptionalInt.empty());
    }

    /** The same pattern, counting only requests answered with {@code expected}. */
    public RequestPattern withStatus(int expected) {
        return new RequestPattern(method, path, OptionalInt.of(expected));
    }

    public boolean matches(JournalEntry entry) {
        return methodMatches(entry) && template.match(entry.path()) != null
                && (status.isEmpty() || status.getAsInt() == entry.status());
    }

    private boolean methodMatches(JournalEntry entry) {
        return method.equals("*") || method.equals(entry.method());
    }

    /**
     * What keeps {@code entry} from matching, most telling first; empty when it matches. Used to
     * find and explain the nearest request.
     */
    public List<String> differences(JournalEntry entry) {
        List<String> found = new ArrayList<>();
        if (!methodMatches(entry)) {
            found.add("method " + entry.method() + " where " + method + " was expected");
        }
        if (template.match(entry.path()) == null) {
            found.addAll(pathDifferences(entry.path()));
        }
        if (status.isPresent() && status.getAsInt() != entry.status()) {
            found.add("status " + entry.status() + " where " + status.getAsInt() + " was expected");
        }
        return found;
    }

    /** A rough distance to {@code entry}: 0 when it matches; a wrong method weighs most. */
    int distance(JournalEntry entry) {
        int score = methodMatches(entry) ? 0 : 2;
        score += template.match(entry.path()) == null ? pathDifferences(entry.path()).size() : 0;
        return score + (status.isPresent() && status.getAsInt() != entry.status() ? 1 : 0);
    }

    private List<String> pathDifferences(String actual) {
        String[] expected = path.substring(1).split("/", -1);
        String[] got = actual.startsWith("/") ? actual.substring(1).split("/", -1) : new String[] {actual};
        if (path.contains("*}")) {
            return List.of("path " + actual + " where " + path + " was expected");
        }
        List<String> found = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.length, got.length); i++) {
            if (i >= expected.length) {
                found.add("path segment " + (i + 1) + " \"" + got[i] + "\" where the path should have ended");
            } else if (i >= got.length) {
                found.add("path missing segment " + (i + 1) + " \"" + expected[i] + "\"");
            } else if (!(isParameter(expected[i]) ? !got[i].isEmpty() : expected[i].equals(got[i]))) {
                found.add("path segment " + (i + 1) + " \"" + got[i] + "\" where \"" + expected[i] + "\" was expected");
            }
        }
        return found;
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    /** {@code POST /containers/{id}/start}, with {@code answered 204} when a status is asked for. */
    public String describe() {
        return (method.equals("*") ? "any method" : method) + " " + path
                + (status.isPresent() ? " answered " + status.getAsInt() : "");
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestPattern that && method.equals(that.method) && path.equals(that.path)
                && status.equals(that.status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, status);
    }
}
