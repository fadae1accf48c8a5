package dev.dockmock.engine.containers;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.networks.Network;
import dev.dockmock.engine.networks.NetworkEvents;
import dev.dockmock.engine.networks.Networks;
import dev.dockmock.engine.networks.SharedNetwork;
import dev.dockmock.protocol.DockerException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Brings the swarm network a starting container names as its network mode to the engine.
     *
     * @throws DockerException 500 with dockerd's message when the network is not attachable
     */
    static void joinSwarmNetwork(EngineContext context, Container container) {
        String mode = container.spec().networkMode();
        if (container.endpoints().isEmpty() && !mode.startsWith("container:")) {
            swarmNetwork(context, container, mode, "failed to set up container networking: ");
        }
    }

    /**
     * The swarm network {@code term} names, made present on the engine for as long as a container
     * uses it, as dockerd attaches a container to a swarm network through the swarm: a task's
     * container always, any other only to a network made {@code --attachable}. Empty when
     * {@code term} names no swarm network.
     *
     * @param prefix what dockerd puts before the swarm's refusal
     * @throws DockerException 500 with dockerd's message when the network is not attachable
     */
    static Optional<Network> swarmNetwork(EngineContext context, Container container, String term, String prefix) {
        Network local = context.networks().find(term).orElse(null);
        Optional<SharedNetwork> shared = local == null ? context.networks().swarmNetwork(term)
                : local.scope().equals("swarm") ? context.networks().shared(local.id()) : Optional.empty();
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        if (!shared.get().network().attachable() && !container.spec().labels().containsKey("com.docker.swarm.task.id")) {
            throw new DockerException(500, prefix + "Could not attach to network " + term
                    + ": rpc error: code = PermissionDenied desc = network " + term + " not manually attachable");
        }
        context.networks().addWhileUsed(shared.get());
        return Optional.of(shared.get().network());
    }

    /** Removes the swarm networks the engine has only while containers use them, once none does. */
    static void dropUnusedSwarmNetworks(EngineContext context, Containers containers) {
        for (String id : context.networks().whileUsed()) {
            Network network = context.networks().shared(id).map(SharedNetwork::network).orElse(null);
            if (network != null && containers.all().stream().noneMatch(c -> attached(c, network))) {
                context.networks().remove(id);
            }
        }
    }

    private static boolean attached(Container container, Network network) {
        String mode = container.spec().networkMode();
        return mode.equals(network.name()) || mode.equals(network.id())
                || container.endpoints().values().stream().anyMatch(e -> e.networkId().equals(network.id()));
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
