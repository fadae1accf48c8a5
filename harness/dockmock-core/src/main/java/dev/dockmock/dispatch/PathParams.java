package dev.dockmock.dispatch;

import java.util.Map;

/** The named parts of a matched path, such as {@code id} in {@code /containers/{id}/json}. */
public record PathParams(Map<String, String> values) {
    public static final PathParams NONE = new PathParams(Map.of());

    public PathParams {
        values = Map.copyOf(values);
    }

    /** The named part; throws when the route has no such part, which is a programming error. */
    public String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route has no path parameter " + name);
        }
        return value;
    }
}
