package dev.dockmock.engine.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code encoding/json} matches an object's keys to a struct's fields ignoring case, so
 * dockerd takes {@code {"replicated": {"Replicas": 2}}} (what docker-py's {@code ServiceMode}
 * sends) as {@code Replicated}, and answers with the field's own name afterwards. dockmock reads
 * request bodies by exact key; this puts the field names back where a client is known to send
 * other cases.
 */
public final class GoFieldNames {

    private GoFieldNames() {
    }

    /**
     * Renames, in {@code node} when it is an object, every key equal to one of {@code fields}
     * ignoring case to that field's name. Where the exact name is there too it wins, as the
     * exact match does in Go; the other spellings are dropped.
     *
     * @return {@code node}, changed in place
     */
    public static JsonNode canonical(JsonNode node, String... fields) {
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        for (String field : fields) {
            List<String> others = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                if (!entry.getKey().equals(field) && entry.getKey().equalsIgnoreCase(field)) {
                    others.add(entry.getKey());
                }
            }
            for (String other : others) {
                JsonNode value = object.remove(other);
                if (!object.has(field)) {
                    object.set(field, value);
                }
            }
        }
        return object;
    }
}
