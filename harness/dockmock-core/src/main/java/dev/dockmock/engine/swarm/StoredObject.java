package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A secret or a config: a name, labels and data that services mount. A secret's {@code Data} is
 * kept but never shown, as dockerd never returns it.
 *
 * @param kind which of the two it is
 * @param id its id
 * @param meta version and times
 * @param spec its spec ({@code Name}, {@code Labels}, {@code Data} in base64, {@code Driver}, {@code Templating})
 */
record StoredObject(Kind kind, String id, Meta meta, ObjectNode spec) {

    /** Secrets and configs differ in little but their name and whether their data is shown. */
    enum Kind {
        SECRET("secret", "secrets"),
        CONFIG("config", "configs");

        private final String singular;
        private final String plural;

        Kind(String singular, String plural) {
            this.singular = singular;
            this.plural = plural;
        }

        /** {@code secret} or {@code config}, as in messages and event types. */
        String singular() {
            return singular;
        }

        /** {@code secrets} or {@code configs}, as in paths. */
        String plural() {
            return plural;
        }
    }

    String name() {
        return spec.path("Name").asText();
    }

    Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        spec.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    StoredObject withSpec(ObjectNode newSpec, Meta newMeta) {
        return new StoredObject(kind, id, newMeta, newSpec);
    }

    Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ID", id);
        meta.putInto(doc);
        ObjectNode shown = spec.deepCopy();
        if (kind == Kind.SECRET) {
            shown.remove("Data");
        }
        doc.put("Spec", shown);
        return doc;
    }
}
