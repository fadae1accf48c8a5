package dev.dockmock.engine.swarm;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.containers.Container;
import dev.dockmock.engine.containers.Containers;
import dev.dockmock.engine.networks.SharedNetwork;
import dev.dockmock.engine.networks.SwarmNetworkSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The swarm's networks on one node's engine. Those a node has from the start (all of them on a
 * manager, {@code ingress} on a worker) stay until it leaves the swarm; any other a container
 * brings to a worker goes again once no container there is attached to it (the engine's
 * container removal sees to that), as dockerd's worker deletes a swarm network when its last
 * task there ends.
 */
final class EngineSwarmNetworks {
    private final EngineContext context;
    private final Containers containers;

    EngineSwarmNetworks(EngineContext context, Containers containers) {
        this.context = context;
        this.containers = containers;
    }

    /** Makes the networks a task joins present, while a container uses them. Called with the engine's lock held. */
    void addForTask(List<SharedNetwork> networks) {
        for (SharedNetwork network : networks) {
            context.networks().addWhileUsed(network);
        }
        context.changed();
    }

    /** Lets the engine's containers join the swarm's networks, and makes {@code stay} present for good. */
    void join(SwarmNetworkSource swarm, List<SharedNetwork> stay) {
        synchronized (context.lock()) {
            context.networks().useSwarm(swarm);
            for (SharedNetwork network : stay) {
                context.networks().keep(network.id());
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
            if (context.networks().shared(networkId).isPresent()) {
                context.networks().remove(networkId);
                context.changed();
            }
        }
    }

    /** Removes every swarm-scoped network: the node left the swarm. */
    void leave() {
        synchronized (context.lock()) {
            context.networks().useSwarm(SwarmNetworkSource.NONE);
            context.networks().all().stream().filter(n -> n.scope().equals("swarm")).forEach(n -> context.networks().remove(n.id()));
            context.changed();
        }
    }

    /** The running containers with an endpoint on the network. */
    List<NodeRuntime.AttachedContainer> attached(String networkId) {
        synchronized (context.lock()) {
            List<NodeRuntime.AttachedContainer> attached = new ArrayList<>();
            for (Container container : containers.all()) {
                if (!container.status().isUp()) {
                    continue;
                }
                container.endpoints().values().stream().filter(e -> e.networkId().equals(networkId)).findFirst()
                        .ifPresent(e -> attached.add(new NodeRuntime.AttachedContainer(container.name().replaceFirst("^/", ""),
                                e.endpointId(), e.ipAddress(), container.spec().labels().getOrDefault("com.docker.swarm.service.name", ""))));
            }
            return attached;
        }
    }
}
