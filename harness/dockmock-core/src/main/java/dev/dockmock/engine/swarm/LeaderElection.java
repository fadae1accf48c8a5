package dev.dockmock.engine.swarm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who leads a swarm: raft's election among the reachable managers, with its quorum and election
 * timeout, and the listeners told when leadership moves. Guarded by the cluster's lock, as the
 * {@link ClusterState} it belongs to.
 */
final class LeaderElection {
    private final ClusterState cluster;
    private final List<Consumer<String>> leaderListeners = new CopyOnWriteArrayList<>();
    private Duration electionTimeout = Duration.ZERO;

    LeaderElection(ClusterState cluster) {
        this.cluster = cluster;
    }

    /** How long the swarm goes without a leader after it lost one, before the managers elect another. */
    void electionTimeout(Duration timeout) {
        this.electionTimeout = timeout;
    }

    /** Whether {@code node} may lead: a manager that is up and reachable. */
    private static boolean eligible(SwarmNode node) {
        return node.manager() && node.state().equals("ready");
    }

    /** Whether more than half of the managers are up and reachable, as raft needs to elect and keep a leader. */
    boolean quorum() {
        long managers = cluster.nodes.values().stream().filter(SwarmNode::manager).count();
        long reachable = cluster.nodes.values().stream().filter(LeaderElection::eligible).count();
        return reachable * 2 > managers;
    }

    /** Calls {@code listener} with the new leader's node id whenever leadership moves. */
    void onLeaderChange(Consumer<String> listener) {
        leaderListeners.add(listener);
    }

    /** Tells the leadership listeners the leader again: roles changed, so who forwards to whom may have. */
    void announceLeader() {
        SwarmNode leader = cluster.leader();
        if (leader != null) {
            leaderListeners.forEach(l -> l.accept(leader.id()));
        }
    }

    /**
     * Makes {@code nodeId} the leader, or, with null, keeps the leader if it is still a reachable
     * manager and a majority of the managers is reachable, and otherwise elects the first
     * reachable manager, as raft would elect one of them: at once, or after the election timeout
     * during which the swarm has no leader. Without a quorum no one leads and the control loop stops.
     *
     * @return the leader afterwards, null when there is none
     */
    SwarmNode elect(String nodeId) {
        SwarmNode current = cluster.leader();
        boolean quorum = quorum();
        if (nodeId == null && current != null && eligible(current) && quorum) {
            return current;
        }
        boolean wait = nodeId == null && current != null && !electionTimeout.isZero();
        SwarmNode chosen = nodeId != null ? cluster.nodes.get(nodeId)
                : wait || !quorum ? null
                : cluster.nodes.values().stream().filter(LeaderElection::eligible).findFirst().orElse(null);
        if (chosen == current) {
            return current;
        }
        if (current != null) {
            cluster.nodes.put(current.id(),
                    current.withLeader(false, current.meta().updated(cluster.nextIndex(), cluster.now())));
        }
        if (chosen == null) {
            cluster.stopOrchestrator();
            leaderListeners.forEach(l -> l.accept(""));
            if (wait && quorum) {
                electLater();
            }
            return null;
        }
        SwarmNode leader = chosen.withLeader(true, chosen.meta().updated(cluster.nextIndex(), cluster.now()));
        cluster.nodes.put(leader.id(), leader);
        cluster.startOrchestrator();
        leaderListeners.forEach(l -> l.accept(leader.id()));
        return leader;
    }

    /** Elects a leader once the election timeout has passed, unless one leads by then. */
    private void electLater() {
        long millis = electionTimeout.toMillis();
        Thread election = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (cluster.lock()) {
                if (cluster.leader() == null) {
                    elect(null);
                }
            }
        }, "dockmock-swarm-election");
        election.setDaemon(true);
        election.start();
    }
}
