package dev.dockmock.cluster;

import dev.dockmock.dispatch.Dispatcher;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Which dispatcher each node's server of a {@link SwarmCluster} gets: the leader, the workers and
 * a manager cut off from the others their own engine's, the other managers a
 * {@link ForwardingDispatcher} to the leader, each behind the front a control plane puts there.
 * Set again whenever leadership or reachability changes, while clients stay connected.
 */
final class LeaderRouting {
    private final List<ClusterNode> nodes;
    private final Predicate<ClusterNode> partitioned;
    private volatile UnaryOperator<Dispatcher> front = UnaryOperator.identity();

    /** @param partitioned whether a node is cut off from the others, so it answers from its own engine */
    LeaderRouting(List<ClusterNode> nodes, Predicate<ClusterNode> partitioned) {
        this.nodes = nodes;
        this.partitioned = partitioned;
    }

    /** Puts {@code wrapper} in front of every node's dispatcher, now and after every change. */
    void front(UnaryOperator<Dispatcher> wrapper) {
        this.front = Objects.requireNonNull(wrapper, "wrapper");
        refresh();
    }

    /** Sets every node's dispatcher for the leader the swarm has now, if any. */
    void refresh() {
        leaderChanged(ClusterNodes.leader(nodes).map(ClusterNode::nodeId).orElse(""));
    }

    /** Sets every node's dispatcher for the leader {@code leaderId} (empty or unknown: none). */
    void leaderChanged(String leaderId) {
        ClusterNode leader = nodes.stream().filter(n -> n.nodeId().equals(leaderId)).findFirst().orElse(null);
        for (ClusterNode node : nodes) {
            boolean manager = node.engine().swarm().pingState().equals("active/manager");
            Dispatcher own = node.engine().dispatcher();
            // a node that is down has no listener; its dispatcher answers again once it is up
            node.server().setDispatcher(front.apply(leader == null || node == leader || !manager || partitioned.test(node) ? own
                    : new ForwardingDispatcher(own, leader.engine().dispatcher())));
        }
    }
}
