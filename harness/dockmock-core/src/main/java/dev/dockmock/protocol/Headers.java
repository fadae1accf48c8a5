package dev.dockmock.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, ordered list of HTTP header fields whose names compare case-insensitively.
 * Names keep the spelling they were given, because some clients (docker-py, older Go
 * versions) read headers verbatim.
 */
public final class Headers {
    private static final Headers EMPTY = new Headers(List.of());

    private final List<Map.Entry<String, String>> fields;

    private Headers(List<Map.Entry<String, String>> fields) {
        this.fields = fields;
    }

    /** No header fields. */
    public static Headers empty() {
        return EMPTY;
    }

    /** Headers from alternating name, value arguments. */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first value of the named field, if any. */
    public Optional<String> first(String name) {
        for (Map.Entry<String, String> field : fields) {
            if (field.getKey().equalsIgnoreCase(name)) {
                return Optional.of(field.getValue());
            }
        }
        return Optional.empty();
    }

    /** Every value of the named field, in order. */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> field : fields) {
            if (field.getKey().equalsIgnoreCase(name)) {
                values.add(field.getValue());
            }
        }
        return values;
    }

    public boolean has(String name) {
        return first(name).isPresent();
    }

    /** True when the named field holds {@code token} in its comma-separated list. */
    public boolean hasToken(String name, String token) {
        for (String value : all(name)) {
            for (String part : value.split(",")) {
                if (part.trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every field in order. */
    public List<Map.Entry<String, String>> fields() {
        return fields;
    }

    /** A builder holding these fields, to add to or replace. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.fields.addAll(fields);
        return builder;
    }

    public int size() {
        return fields.size();
    }

    @Override
    public String toString() {
        return fields.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Headers h && h.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    /** Collects header fields; {@link #set} replaces, {@link #add} appends. */
    public static final class Builder {
        private final List<Map.Entry<String, String>> fields = new ArrayList<>();

        public Builder add(String name, String value) {
            fields.add(Map.entry(name, value));
            return this;
        }

        public Builder set(String name, String value) {
            remove(name);
            return add(name, value);
        }

        public Builder remove(String name) {
            fields.removeIf(f -> f.getKey().equalsIgnoreCase(name));
            return this;
        }

        public Headers build() {
            return fields.isEmpty() ? EMPTY : new Headers(Collections.unmodifiableList(new ArrayList<>(fields)));
        }
    }
}
