package dev.dockmock.engine.swarm;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.containers.Container;
import dev.dockmock.engine.containers.Containers;
import dev.dockmock.engine.networks.Network;
import dev.dockmock.engine.networks.SharedNetwork;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The swarm's networks on one node's engine. Those a node has from the start (all of them on a
 * manager, {@code ingress} on a worker) stay until they leave the swarm; any other a task brings
 * to a worker goes again once no container there is attached to it, as dockerd's worker deletes
 * a swarm network when its last task there ends.
 */
final class EngineSwarmNetworks {
    private final EngineContext context;
    private final Containers containers;
    /** Ids of the networks present only for tasks. Guarded by the engine's lock. */
    private final Set<String> forTasks = new HashSet<>();

    EngineSwarmNetworks(EngineContext context, Containers containers) {
        this.context = context;
        this.containers = containers;
    }

    /** Makes the networks a task joins present, to go when idle. Called with the engine's lock held. */
    void addForTask(List<SharedNetwork> networks) {
        for (SharedNetwork network : networks) {
            if (context.networks().shared(network.id()).isEmpty()) {
                context.networks().add(network);
                forTasks.add(network.id());
                context.changed();
            }
        }
    }

    /** Makes the networks present to stay. */
    void addToStay(List<SharedNetwork> networks) {
        synchronized (context.lock()) {
            for (SharedNetwork network : networks) {
                forTasks.remove(network.id());
                if (context.networks().shared(network.id()).isEmpty()) {
                    context.networks().add(network);
                }
            }
            context.changed();
        }
    }

    /** Removes a network the swarm no longer has. */
    void forget(String networkId) {
        synchronized (context.lock()) {
            forTasks.remove(networkId);
            if (context.networks().shared(networkId).isPresent()) {
                context.networks().remove(networkId);
                context.changed();
            }
        }
    }

    /** Removes every swarm-scoped network: the node left the swarm. */
    void leave() {
        synchronized (context.lock()) {
            context.networks().all().stream().filter(n -> n.scope().equals("swarm")).forEach(n -> context.networks().remove(n.id()));
            forTasks.clear();
            context.changed();
        }
    }

    /** Removes the networks present only for tasks that no container is attached to any more. */
    void dropIdle() {
        synchronized (context.lock()) {
            for (String id : List.copyOf(forTasks)) {
                Network network = context.networks().shared(id).map(SharedNetwork::network).orElse(null);
                if (network == null || containers.all().stream().noneMatch(c -> attached(c, network))) {
                    forTasks.remove(id);
                    if (network != null) {
                        context.networks().remove(id);
                        context.changed();
                    }
                }
            }
        }
    }

    private static boolean attached(Container container, Network network) {
        String mode = container.spec().networkMode();
        return mode.equals(network.name()) || mode.equals(network.id())
                || container.endpoints().values().stream().anyMatch(e -> e.networkId().equals(network.id()));
    }
}
