package dev.dockmock.scenario.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A small JSON path: an optional {@code $}, then {@code .name} or {@code name} for fields and
 * {@code [n]} for array elements ({@code [-1]} is the last): {@code $[0].State.Status},
 * {@code Config.Labels.tier}. A field name with dots or brackets is written {@code ['a.b']}.
 */
public final class JsonPath {

    private JsonPath() {
    }

    /** The value at {@code path}, or a missing node. */
    public static JsonNode find(JsonNode root, String path) {
        JsonNode at = root;
        int i = path.startsWith("$") ? 1 : 0;
        while (i < path.length() && at != null && !at.isMissingNode()) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed [ in JSON path " + path);
                }
                String inside = path.substring(i + 1, end);
                i = end + 1;
                if (inside.startsWith("'") && inside.endsWith("'") && inside.length() >= 2) {
                    at = at.path(inside.substring(1, inside.length() - 1));
                } else {
                    int index = Integer.parseInt(inside.trim());
                    at = at.isArray() ? at.path(index < 0 ? at.size() + index : index) : MissingNode.getInstance();
                }
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                at = at.path(path.substring(i, end));
                i = end;
            }
        }
        return at == null ? MissingNode.getInstance() : at;
    }
}
