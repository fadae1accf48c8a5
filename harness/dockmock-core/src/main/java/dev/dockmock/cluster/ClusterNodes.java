package dev.dockmock.cluster;

import dev.dockmock.engine.swarm.Swarm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Looking nodes of a {@link SwarmCluster} up, waiting for a leader, and describing the nodes for the admin API. */
final class ClusterNodes {

    private ClusterNodes() {
    }

    /** @param reach each node's reachability: {@code up}, {@code down} or {@code partitioned} */
    static List<NodeStatus> status(List<ClusterNode> nodes, Function<ClusterNode, String> reach) {
        List<NodeStatus> list = new ArrayList<>();
        for (ClusterNode node : nodes) {
            Swarm swarm = node.engine().swarm();
            String role = swarm.locked() || swarm.pingState().equals("active/manager") ? "manager" : "worker";
            list.add(new NodeStatus(node.name(), node.nodeId(), role, swarm.leader(), reach.apply(node),
                    swarm.locked() ? "locked" : swarm.ready() ? "ready" : "down", swarm.availability(),
                    node.hosts().stream().map(Object::toString).toList()));
        }
        return list;
    }

    /** The node that leads the swarm now, if any. */
    static Optional<ClusterNode> leader(List<ClusterNode> nodes) {
        return nodes.stream().filter(n -> n.engine().swarm().leader()).findFirst();
    }

    /** Waits up to {@code timeout} for a leader, looking every 10 ms. */
    static ClusterNode awaitLeader(List<ClusterNode> nodes, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<ClusterNode> leader = leader(nodes);
            if (leader.isPresent()) {
                return leader.get();
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("no leader elected within " + timeout);
            }
            Thread.sleep(10);
        }
    }

    /** By name, node id, or a node id prefix that only one node has. */
    static Optional<ClusterNode> find(List<ClusterNode> nodes, String nameOrId) {
        for (ClusterNode node : nodes) {
            if (node.name().equals(nameOrId) || node.nodeId().equals(nameOrId)) {
                return Optional.of(node);
            }
        }
        List<ClusterNode> prefixed = nodes.stream().filter(n -> !nameOrId.isEmpty() && n.nodeId().startsWith(nameOrId)).toList();
        return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
    }
}
