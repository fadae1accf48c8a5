package dev.dockmock.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The faults a {@link SwarmCluster} gives its nodes, and which nodes are unreachable now: a node
 * that fails for good, one taken down (its listeners suspended), one cut off from the others
 * (partitioned), and bringing one back. Each change of reachability sets the nodes' dispatchers
 * again, since a manager forwards to the leader only while both are reachable.
 */
final class NodeFaults {
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final Set<String> partitioned = ConcurrentHashMap.newKeySet();
    private final Runnable reroute;

    /** @param reroute sets every node's dispatcher again after reachability changed */
    NodeFaults(Runnable reroute) {
        this.reroute = reroute;
    }

    /** Closes the node's listeners, fails it in the swarm and stops its engine. */
    void fail(ClusterNode node) {
        node.server().close();
        node.engine().swarm().fail();
        node.engine().close();
    }

    /** Suspends the node's listeners and stops its daemon's swarm part; its engine keeps its containers. */
    void down(ClusterNode node) {
        down.add(node.name());
        node.server().suspendListening();
        node.engine().swarm().stop();
        reroute.run();
    }

    /**
     * Listens again and recovers the node in the swarm, after {@link #down} or {@link #partition}.
     * After {@code down}, a power cycle, a manager of an auto-locked swarm comes back locked.
     */
    void up(ClusterNode node) {
        try {
            node.server().resumeListening();
        } catch (IOException e) {
            throw new UncheckedIOException("bringing " + node.name() + " up: " + e.getMessage(), e);
        }
        boolean wasDown = down.remove(node.name());
        partitioned.remove(node.name());
        if (wasDown) {
            node.engine().swarm().start();
        } else {
            node.engine().swarm().recover();
        }
        reroute.run();
    }

    /** Fails the node in the swarm while its listeners stay open. */
    void partition(ClusterNode node) {
        partitioned.add(node.name());
        node.engine().swarm().fail();
        reroute.run();
    }

    boolean partitioned(ClusterNode node) {
        return partitioned.contains(node.name());
    }

    boolean unreachable(ClusterNode node) {
        return down.contains(node.name()) || partitioned.contains(node.name());
    }

    /** {@code down}, {@code partitioned} or {@code up}, as the admin API shows it. */
    String reach(ClusterNode node) {
        return down.contains(node.name()) ? "down" : partitioned.contains(node.name()) ? "partitioned" : "up";
    }
}
