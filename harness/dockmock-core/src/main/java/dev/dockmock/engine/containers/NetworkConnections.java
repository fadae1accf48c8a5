package dev.dockmock.engine.containers;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.networks.EndpointRequest;
import dev.dockmock.engine.networks.Network;
import dev.dockmock.engine.networks.NetworkEvents;
import dev.dockmock.engine.networks.NetworkLookup;
import dev.dockmock.engine.networks.NetworkMembers;
import dev.dockmock.engine.networks.Networks;
import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Connects containers to networks and disconnects them on the network API's behalf, with dockerd's
 * rules: a stopped container only has its configuration changed (no event); a running one gets or
 * loses a live endpoint and a {@code connect}/{@code disconnect} event. Callers hold the engine's lock.
 */
public final class NetworkConnections implements NetworkMembers {
    private static final String SHARED = "container sharing network namespace with another container or host cannot be "
            + "connected to any other network";

    private final EngineContext context;
    private final Containers containers;
    private final Set<String> materialised = new HashSet<>();

    public NetworkConnections(EngineContext context, Containers containers) {
        this.context = context;
        this.containers = containers;
    }

    @Override
    public List<Member> active(Network network) {
        List<Member> members = new ArrayList<>();
        for (Container c : containers.all()) {
            if (!c.status().isUp()) {
                continue;
            }
            for (Container.Endpoint e : c.endpoints().values()) {
                if (e.networkId().equals(network.id())) {
                    String address = e.ipAddress().isEmpty() ? "" : e.ipAddress() + "/" + e.prefixLength();
                    members.add(new Member(c.id(), c.name(), e.endpointId(), e.macAddress(), address));
                }
            }
        }
        return members;
    }

    @Override
    public void connect(String containerTerm, String networkTerm, EndpointRequest request) {
        Container container = container(containerTerm);
        boolean running = container.status().isUp();
        if (running && container.spec().networkMode().startsWith("container:")) {
            throw new DockerException(400, SHARED);
        }
        Network network = NetworkAttachments.swarmNetwork(context, container, networkTerm, "")
                .orElseGet(() -> NetworkLookup.unique(context.networks(), networkTerm));
        request.problem(network).ifPresent(problem -> {
            throw new DockerException(400, problem);
        });
        boolean hostMode = container.spec().networkMode().equals("host");
        if (!hostMode && network.driver().equals("host")) {
            throw new DockerException(400, "cannot connect container to host network - container must be created in host network mode");
        }
        materialiseModeNetwork(container);
        for (Container.Endpoint existing : container.endpoints().values()) {
            Network other = context.networks().find(existing.networkId()).orElse(null);
            if (other == null) {
                continue;
            }
            if (other.id().equals(network.id())) {
                if (running) {
                    throw new DockerException(403, "endpoint with name " + container.name() + " already exists in network "
                            + network.name());
                }
                return;
            }
            if (other.driver().equals("host") || network.driver().equals("host")) {
                throw new DockerException(400, SHARED);
            }
            if (other.name().equals("none") || network.name().equals("none")) {
                throw new DockerException(400, "container cannot be connected to multiple networks with one of the networks "
                        + "in private (none) mode");
            }
        }
        String address = request.ipv4Address();
        if (!address.isEmpty() && !context.networks().reserve(network, address)) {
            throw new DockerException(403, "Address already in use");
        }
        if (address.isEmpty()) {
            NetworkAttachments.connect(context, container, network, request.aliases());
        } else {
            container.attach(network.name(), new Container.Endpoint(network.id(), context.ids().next(), address, network.gateway(),
                    network.prefixLength(), Networks.macFor(address), request.aliases()));
        }
        if (running) {
            NetworkEvents.publish(context.events(), network, "connect", Map.of("container", container.id()));
        }
        context.changed();
    }

    @Override
    public void disconnect(String containerTerm, String networkTerm, boolean force) {
        Container container = containers.find(containerTerm).orElse(null);
        if (container == null) {
            if (!force) {
                container(containerTerm);
            }
            NetworkLookup.unique(context.networks(), networkTerm);
            throw new DockerException(404, "endpoint " + containerTerm + " not found");
        }
        Network network = context.networks().find(networkTerm).orElse(null);
        boolean running = container.status().isUp();
        if (!running || (network == null && force)) {
            refuseWhenRemoving(container);
            materialiseModeNetwork(container);
            String name = network != null ? network.name() : networkTerm;
            if (!container.endpoints().containsKey(name)) {
                throw new DockerException(500, "container " + container.id() + " is not connected to the network " + name);
            }
            detach(container, name);
        } else if (network != null) {
            if (container.spec().networkMode().equals("host") && network.driver().equals("host")) {
                throw new DockerException(400, "cannot disconnect container from host network - container was created in host "
                        + "network mode");
            }
            String name = container.endpoints().entrySet().stream()
                    .filter(e -> e.getValue().networkId().equals(network.id())).map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new DockerException(500, "container " + container.id() + " is not connected to network "
                            + network.name()));
            detach(container, name);
            NetworkEvents.publish(context.events(), network, "disconnect", Map.of("container", container.id()));
        } else {
            NetworkLookup.unique(context.networks(), networkTerm);
        }
        context.changed();
    }

    private Container container(String term) {
        if (term.isEmpty()) {
            throw new DockerException(400, "invalid name or ID supplied: \"\"");
        }
        Container container = containers.get(term);
        refuseWhenRemoving(container);
        return container;
    }

    private static void refuseWhenRemoving(Container container) {
        if (container.status() == ContainerStatus.REMOVING || container.status() == ContainerStatus.DEAD) {
            throw new DockerException(500, "Container " + container.id()
                    + " is marked for removal and cannot be connected or disconnected to the network");
        }
    }

    /**
     * dockerd records a container's network mode network when the container is created; the
     * engine attaches it at first start. Before a connect or disconnect on a container that never
     * ran, attach it now (once) so that the change keeps it (or removes it) as dockerd would.
     */
    private void materialiseModeNetwork(Container container) {
        String mode = container.spec().networkMode();
        if (container.startedAt() != null || mode.startsWith("container:") || !materialised.add(container.id())) {
            return;
        }
        Network network = context.networks().find(mode).orElse(null);
        if (network != null && !container.endpoints().containsKey(network.name())) {
            NetworkAttachments.connect(context, container, network, List.of());
        }
    }

    private void detach(Container container, String networkName) {
        Container.Endpoint endpoint = container.endpoints().get(networkName);
        context.networks().release(endpoint.networkId(), endpoint.ipAddress());
        container.detach(networkName);
    }
}
