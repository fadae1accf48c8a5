package dev.dockmock.engine.swarm;

import dev.dockmock.protocol.DockerException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * This engine's place in a swarm, and access to its own node there under the swarm's lock.
 *
 * @param cluster the swarm's state
 * @param nodeId this engine's node
 */
record Membership(ClusterState cluster, String nodeId) {

    /**
     * What {@code reader} makes of the swarm and this engine's node, read under the swarm's lock;
     * the node is null when the swarm no longer has it.
     */
    <T> T read(BiFunction<ClusterState, SwarmNode, T> reader) {
        synchronized (cluster.lock()) {
            return reader.apply(cluster, cluster.nodes.get(nodeId));
        }
    }

    /** Applies {@code action} to the swarm and this engine's node (null once gone) under the swarm's lock. */
    void update(BiConsumer<ClusterState, SwarmNode> action) {
        synchronized (cluster.lock()) {
            action.accept(cluster, cluster.nodes.get(nodeId));
        }
    }

    /**
     * The swarm's state, for a call that needs a manager.
     *
     * @throws DockerException 503 with dockerd's worker message when this node is no manager; 500
     *         with dockerd's no-leader message when it is down or the swarm has no leader
     */
    ClusterState asManager() {
        synchronized (cluster.lock()) {
            SwarmNode self = cluster.nodes.get(nodeId);
            if (self == null || !self.manager()) {
                throw new DockerException(503, Swarm.WORKER);
            }
            if (!self.state().equals("ready") || cluster.leader() == null) {
                throw new DockerException(500, Swarm.NO_LEADER);
            }
        }
        return cluster;
    }
}
