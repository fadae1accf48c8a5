package dev.dockmock.engine.swarm;

import java.time.Duration;
import java.util.function.Consumer;

/** Leadership of one engine's swarm as the harness steers it: who leads, how soon a new leader is elected, who hears of it. */
public final class SwarmLeadership {
    private final Swarm swarm;

    SwarmLeadership(Swarm swarm) {
        this.swarm = swarm;
    }

    /** Whether the swarm has a leader now. */
    public boolean exists() {
        return swarm.read(false, (cluster, self) -> cluster.leader() != null);
    }

    /** How long the swarm stays without a leader after losing one before electing another (zero: at once). */
    public void electionTimeout(Duration timeout) {
        swarm.ifJoined(member -> member.update((cluster, self) -> cluster.election().electionTimeout(timeout)));
    }

    /** Calls {@code listener} with the leader's node id whenever leadership of the swarm moves. */
    public void onLeaderChange(Consumer<String> listener) {
        swarm.ifJoined(member -> member.update((cluster, self) -> cluster.election().onLeaderChange(listener)));
    }

    /** Makes the engine's node the leader of its swarm (it must be a manager); raft would elect it after the old one failed. */
    public void take() {
        Membership current = swarm.joined();
        current.asManager();
        current.update((cluster, self) -> cluster.election().elect(current.nodeId()));
    }
}
