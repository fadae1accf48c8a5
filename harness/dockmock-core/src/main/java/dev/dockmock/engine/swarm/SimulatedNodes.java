package dev.dockmock.engine.swarm;

import dev.dockmock.protocol.DockerException;
import java.util.Map;
import java.util.Optional;

/**
 * Taking simulated workers down and up, as {@link SwarmMembership#fail} and
 * {@link SwarmMembership#recover} do for an engine's node: a node that goes down is {@code Down}
 * in {@code docker node ls} and its tasks are shut down and placed elsewhere; one that comes up is
 * {@code Ready} and takes new tasks. A simulated node keeps its runtime while down, so the tasks
 * it ran end as {@code shutdown} with their "containers" stopped, as a node's agent does when it
 * rejoins.
 */
final class SimulatedNodes {

    private SimulatedNodes() {
    }

    /** The simulated node called {@code nameOrId} (host name, node id or unique id prefix), if it is one. */
    static Optional<SimulatedNode> find(ClusterState cluster, String nameOrId) {
        synchronized (cluster.lock()) {
            SwarmNode node;
            try {
                node = cluster.node(nameOrId);
            } catch (DockerException e) {
                if (e.error().status() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
            return cluster.runtimes.get(node.id()) instanceof SimulatedNodeRuntime ? Optional.of(SimulatedNode.of(node))
                    : Optional.empty();
        }
    }

    /** Marks the simulated node {@code nodeId} {@code ready} or {@code down}; returns it as it is afterwards. */
    static SimulatedNode setState(ClusterState cluster, String nodeId, boolean up) {
        synchronized (cluster.lock()) {
            SwarmNode node = cluster.nodes.get(nodeId);
            if (node == null || !(cluster.runtimes.get(nodeId) instanceof SimulatedNodeRuntime)) {
                throw new DockerException(404, "no simulated node " + nodeId + " in this swarm");
            }
            String before = node.state();
            String after = up ? "ready" : "down";
            if (!before.equals(after)) {
                node = node.withState(after, node.meta().updated(cluster.nextIndex(), cluster.now()));
                cluster.nodes.put(node.id(), node);
                cluster.events().publish("node", "update", node.id(), node.hostname(), Map.of("state.old", before, "state.new", after));
                cluster.lock().notifyAll();
            }
            return SimulatedNode.of(node);
        }
    }
}
