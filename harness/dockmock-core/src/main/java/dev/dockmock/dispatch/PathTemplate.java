package dev.dockmock.dispatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A route's path pattern: literal segments, {@code {name}} for one segment and
 * {@code {name*}} for one or more segments, as image names such as
 * {@code testcontainers/ryuk:0.11.0} contain slashes. At most one greedy part per template.
 */
public final class PathTemplate {
    private final String text;
    private final List<String> segments;
    private final int greedyIndex;

    private PathTemplate(String text, List<String> segments, int greedyIndex) {
        this.text = text;
        this.segments = segments;
        this.greedyIndex = greedyIndex;
    }

    public static PathTemplate parse(String text) {
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("path template must start with '/': " + text);
        }
        List<String> segments = List.of(text.substring(1).split("/", -1));
        int greedy = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).endsWith("*}")) {
                if (greedy >= 0) {
                    throw new IllegalArgumentException("at most one greedy part allowed: " + text);
                }
                greedy = i;
            }
        }
        return new PathTemplate(text, segments, greedy);
    }

    /** The parts of {@code path} named by this template, or {@code null} when it does not match. */
    public PathParams match(String path) {
        if (!path.startsWith("/")) {
            return null;
        }
        if (greedyIndex < 0) {
            return matchSegments(path);
        }
        String[] parts = path.substring(1).split("/", -1);
        if (greedyIndex < 0 ? parts.length != segments.size() : parts.length < segments.size()) {
            return null;
        }
        Map<String, String> values = null;
        int tail = segments.size() - greedyIndex - 1;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            String value;
            if (i == greedyIndex) {
                value = String.join("/", List.of(parts).subList(i, parts.length - tail));
            } else {
                value = parts[i < greedyIndex || greedyIndex < 0 ? i : parts.length - (segments.size() - i)];
            }
            if (isParameter(segment)) {
                if (value.isEmpty()) {
                    return null;
                }
                if (values == null) {
                    values = new HashMap<>(4);
                }
                values.put(name(segment), value);
            } else if (!segment.equals(value)) {
                return null;
            }
        }
        return values == null ? PathParams.NONE : new PathParams(values);
    }

    /**
     * {@link #match} for a template without a greedy part, walking the path in place: every
     * request is tried against several templates, and splitting the path for each showed in
     * profiles.
     */
    private PathParams matchSegments(String path) {
        Map<String, String> values = null;
        int start = 1;
        for (int i = 0; i < segments.size(); i++) {
            int slash = path.indexOf('/', start);
            boolean last = i == segments.size() - 1;
            if (last != (slash < 0)) {
                return null; // fewer or more segments than the template
            }
            int end = slash < 0 ? path.length() : slash;
            String segment = segments.get(i);
            if (isParameter(segment)) {
                if (end == start) {
                    return null;
                }
                if (values == null) {
                    values = new HashMap<>(4);
                }
                values.put(name(segment), path.substring(start, end));
            } else if (segment.length() != end - start || !path.regionMatches(start, segment, 0, segment.length())) {
                return null;
            }
            start = end + 1;
        }
        return values == null ? PathParams.NONE : new PathParams(values);
    }

    /** The first literal segment, for indexing routes; empty when the template starts with a parameter. */
    String firstLiteral() {
        String first = segments.get(0);
        return isParameter(first) ? "" : first;
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static String name(String segment) {
        String inner = segment.substring(1, segment.length() - 1);
        return inner.endsWith("*") ? inner.substring(0, inner.length() - 1) : inner;
    }

    List<String> segments() {
        return new ArrayList<>(segments);
    }

    @Override
    public String toString() {
        return text;
    }
}
