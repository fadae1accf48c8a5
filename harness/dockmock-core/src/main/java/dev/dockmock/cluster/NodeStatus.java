package dev.dockmock.cluster;

import java.util.List;

/**
 * What a {@link SwarmCluster} says about one of its nodes, for the admin API's node list.
 *
 * @param name the node's host name ({@code manager1}, ...)
 * @param id its node id in the swarm
 * @param role {@code manager} or {@code worker}, as the swarm has it now (a demoted manager is a worker)
 * @param leader whether it leads the swarm
 * @param reach {@code up}, {@code down} (its listeners refuse connections) or {@code partitioned}
 *     (clients reach it, the other nodes do not)
 * @param state what the swarm sees: {@code ready} or {@code down}; {@code locked} for a manager of an
 *     auto-locked swarm that came back up and waits for {@code docker swarm unlock} (down for the others)
 * @param availability {@code active}, {@code pause} or {@code drain}
 * @param hosts the host strings it listens on
 */
public record NodeStatus(String name, String id, String role, boolean leader, String reach, String state, String availability,
        List<String> hosts) {

    public NodeStatus {
        hosts = List.copyOf(hosts);
    }
}
