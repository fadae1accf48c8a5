package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.networks.ClusterNetworks;
import dev.dockmock.engine.networks.Network;
import dev.dockmock.engine.networks.NetworkCreation;
import dev.dockmock.engine.networks.SharedNetwork;
import dev.dockmock.protocol.DockerException;
import java.util.List;
import java.util.Map;

/**
 * The network API's way into the swarm: an overlay network made on any manager is the swarm's
 * (swarmkit's store holds it, every manager lists it), and removing one checks that no service
 * or task uses it, with swarmkit's messages. Called without the engine's lock: the swarm's lock
 * comes first, then each engine's.
 */
final class OverlayNetworks implements ClusterNetworks {
    private final Swarm swarm;
    private final EngineContext context;

    OverlayNetworks(Swarm swarm, EngineContext context) {
        this.swarm = swarm;
        this.context = context;
    }

    @Override
    public boolean active() {
        return swarm.pingState().equals("active/manager");
    }

    @Override
    public boolean worker() {
        return swarm.pingState().equals("active/worker");
    }

    @Override
    public Network create(JsonNode body) {
        ClusterState cluster = swarm.manager();
        synchronized (cluster.lock()) {
            SharedNetwork shared;
            synchronized (context.lock()) {
                Network network = NetworkCreation.create(context, body, true, cluster.ids().next());
                shared = context.networks().shared(network.id()).orElseThrow();
            }
            cluster.networks.add(shared);
            cluster.nodes.values().stream().filter(SwarmNode::manager).map(n -> cluster.runtimes.get(n.id()))
                    .filter(r -> r != null).forEach(r -> r.addNetworks(cluster.networks, List.of(shared)));
            return shared.network();
        }
    }

    @Override
    public void remove(Network network) {
        ClusterState cluster = swarm.manager();
        synchronized (cluster.lock()) {
            String id = network.id();
            if (cluster.networks.get(id).isPresent()) {
                checkUnused(cluster, network);
                cluster.networks.remove(id);
            }
            cluster.runtimes.values().forEach(r -> r.forgetNetwork(id));
            synchronized (context.lock()) {   // this engine's, even while the swarm has no runtime of it
                context.networks().remove(id);
            }
        }
    }

    @Override
    public Map<String, Object> verbose(Network network) {
        Membership member = swarm.membership();
        if (member == null || swarm.locked()) {
            return Map.of();
        }
        return member.read((cluster, self) -> NetworkServices.of(cluster, network));
    }

    /** @throws DockerException 400 with swarmkit's {@code FailedPrecondition} when a service or a live task uses it */
    private static void checkUnused(ClusterState cluster, Network network) {
        boolean ingress = network.name().equals(SwarmNetworks.INGRESS);
        for (SwarmService service : cluster.services.values()) {
            if (ingress && VirtualIps.needsIngress(service.spec())) {
                throw new DockerException(400, "rpc error: code = FailedPrecondition desc = ingress network cannot be removed "
                        + "because service " + service.id() + " depends on it");
            }
            if (!ingress && VirtualIps.targets(service.taskTemplate()).contains(network.id())) {
                throw new DockerException(400, "rpc error: code = FailedPrecondition desc = network " + network.id()
                        + " is in use by service " + service.id());
            }
        }
        for (Task task : cluster.tasks.values()) {
            if (!task.state().terminal() && VirtualIps.targets(task.spec()).contains(network.id())) {
                throw new DockerException(400, "rpc error: code = FailedPrecondition desc = network " + network.id()
                        + " is in use by task " + task.id());
            }
        }
    }
}
