package dev.dockmock.engine.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of the event stream, as dockerd writes it.
 *
 * @param type what emitted it: container, image, network, volume, daemon, ...
 * @param action what happened: create, start, die, ...; health events read {@code health_status: healthy}
 * @param actorId the object's id (or name, for images and volumes, as dockerd does)
 * @param attributes the actor's attributes (name, image, labels, exitCode, ...)
 * @param scope {@code local} or {@code swarm}
 * @param time when it happened
 */
public record DockerEvent(String type, String action, String actorId, Map<String, String> attributes, String scope, Instant time) {

    public DockerEvent {
        attributes = Map.copyOf(attributes);
    }

    /** The JSON document of the stream, with the legacy fields old clients read for containers and images. */
    public Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        if (type.equals("container") || type.equals("image")) {
            doc.put("status", action);
            doc.put("id", actorId);
            if (attributes.containsKey("image") && type.equals("container")) {
                doc.put("from", attributes.get("image"));
            }
        }
        doc.put("Type", type);
        doc.put("Action", action);
        doc.put("Actor", Map.of("ID", actorId, "Attributes", new java.util.TreeMap<>(attributes)));
        doc.put("scope", scope);
        doc.put("time", time.getEpochSecond());
        doc.put("timeNano", time.getEpochSecond() * 1_000_000_000L + time.getNano());
        return doc;
    }
}
