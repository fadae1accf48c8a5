package dev.dockmock.protocol;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The decoded parameters of a request's query string, in order of first appearance. */
public final class QueryParams {
    private static final QueryParams EMPTY = new QueryParams(Map.of());

    private final Map<String, List<String>> values;

    private QueryParams(Map<String, List<String>> values) {
        this.values = values;
    }

    public static QueryParams empty() {
        return EMPTY;
    }

    /**
     * Parses a raw query string ({@code a=1&b=x%20y}); {@code null} or empty gives no parameters.
     *
     * @throws IllegalArgumentException when a percent escape is malformed
     */
    public static QueryParams parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        values.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return new QueryParams(Collections.unmodifiableMap(values));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    public Optional<String> first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** Docker's boolean parameters: {@code 1}, {@code true}, {@code True} are true; absent is {@code fallback}. */
    public boolean flag(String name, boolean fallback) {
        return first(name).map(v -> v.equals("1") || v.equalsIgnoreCase("true")).orElse(fallback);
    }

    public Map<String, List<String>> asMap() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
