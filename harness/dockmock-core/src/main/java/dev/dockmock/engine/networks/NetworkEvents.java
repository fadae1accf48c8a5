package dev.dockmock.engine.networks;

import dev.dockmock.engine.events.EventBus;
import java.util.LinkedHashMap;
import java.util.Map;

/** Publishes network events as dockerd does: the network's id, with its {@code name} and {@code type} (driver). */
public final class NetworkEvents {

    private NetworkEvents() {
    }

    public static void publish(EventBus bus, Network network, String action, Map<String, String> extra) {
        Map<String, String> attributes = new LinkedHashMap<>(extra);
        attributes.put("name", network.name());
        attributes.put("type", network.driver());
        bus.publish("network", action, network.id(), attributes);
    }
}
