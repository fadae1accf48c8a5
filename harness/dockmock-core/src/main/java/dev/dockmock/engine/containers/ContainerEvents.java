package dev.dockmock.engine.containers;

import dev.dockmock.engine.events.EventBus;
import java.util.LinkedHashMap;
import java.util.Map;

/** Publishes container events with the attributes dockerd gives them: labels, image and name. */
final class ContainerEvents {
    private final EventBus bus;

    ContainerEvents(EventBus bus) {
        this.bus = bus;
    }

    void publish(Container container, String action) {
        publish(container, action, Map.of());
    }

    void publish(Container container, String action, Map<String, String> extra) {
        if (extra.isEmpty() && container.spec().labels().isEmpty()) {
            bus.publish("container", action, container.id(), Map.of("image", container.spec().image(), "name", container.name()));
            return;
        }
        Map<String, String> attributes = new LinkedHashMap<>(container.spec().labels());
        attributes.put("image", container.spec().image());
        attributes.put("name", container.name());
        attributes.putAll(extra);
        bus.publish("container", action, container.id(), attributes);
    }
}
