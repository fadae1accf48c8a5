package dev.dockmock.engine.containers;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.networks.Network;
import dev.dockmock.engine.networks.Networks;
import java.util.List;

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
        for (String name : container.endpoints().keySet()) {
            container.detach(name);
        }
    }
}
