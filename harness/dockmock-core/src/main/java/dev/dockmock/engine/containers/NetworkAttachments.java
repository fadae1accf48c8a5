package dev.dockmock.engine.containers;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.networks.Network;
import dev.dockmock.engine.networks.NetworkEvents;
import dev.dockmock.engine.networks.Networks;
import java.util.List;
import java.util.Map;

/** Puts containers on their networks when they start, with fake addresses. */
final class NetworkAttachments {

    private NetworkAttachments() {
    }

    static void connectOnStart(EngineContext context, Container container) {
        String mode = container.spec().networkMode();
        if (mode.startsWith("container:")) {
            return;
        }
        if (container.endpoints().isEmpty()) {
            Network network = context.networks().find(mode).orElse(null);
            if (network != null) {
                connect(context, container, network, List.of());
            }
        }
        publishAll(context, container, "connect");
    }

    /** dockerd releases a container's endpoints when it stops, with a {@code disconnect} event each. */
    static void releaseOnExit(EngineContext context, Container container) {
        publishAll(context, container, "disconnect");
    }

    private static void publishAll(EngineContext context, Container container, String action) {
        for (Container.Endpoint endpoint : container.endpoints().values()) {
            context.networks().find(endpoint.networkId()).ifPresent(network ->
                    NetworkEvents.publish(context.events(), network, action, Map.of("container", container.id())));
        }
    }

    /** Attaches a container to a network, giving it an address there. */
    static Container.Endpoint connect(EngineContext context, Container container, Network network, List<String> aliases) {
        String ip = context.networks().allocateAddress(network);
        Container.Endpoint endpoint = new Container.Endpoint(network.id(), context.ids().next(), ip, network.gateway(),
                network.prefixLength(), Networks.macFor(ip), aliases);
        container.attach(network.name(), endpoint);
        return endpoint;
    }

    static void disconnectAll(EngineContext context, Container container) {
        for (Map.Entry<String, Container.Endpoint> entry : container.endpoints().entrySet()) {
            context.networks().release(entry.getValue().networkId(), entry.getValue().ipAddress());
            container.detach(entry.getKey());
        }
    }
}
