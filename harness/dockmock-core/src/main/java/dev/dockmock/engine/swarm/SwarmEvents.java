package dev.dockmock.engine.swarm;

import dev.dockmock.engine.events.DockerEvent;
import dev.dockmock.engine.events.EventBus;
import java.util.LinkedHashMap;
import java.util.Map;

/** Publishes the swarm's events: types service, node, secret and config, scope {@code swarm}, as dockerd does. */
final class SwarmEvents {
    private final EventBus bus;

    SwarmEvents(EventBus bus) {
        this.bus = bus;
    }

    /**
     * @param name the object's name ({@code name} attribute)
     * @param changes more attributes: {@code image.old}, {@code replicas.new}, {@code availability.new}, ...
     */
    void publish(String type, String action, String id, String name, Map<String, String> changes) {
        Map<String, String> attributes = new LinkedHashMap<>(changes);
        attributes.put("name", name);
        bus.publish(new DockerEvent(type, action, id, attributes, "swarm", bus.clock().instant()));
    }

    void publish(String type, String action, String id, String name) {
        publish(type, action, id, name, Map.of());
    }

    /** Adds {@code key.old} and {@code key.new} to {@code changes} when the value changed. */
    static void change(Map<String, String> changes, String key, String before, String after) {
        if (!before.equals(after)) {
            changes.put(key + ".old", before);
            changes.put(key + ".new", after);
        }
    }
}
