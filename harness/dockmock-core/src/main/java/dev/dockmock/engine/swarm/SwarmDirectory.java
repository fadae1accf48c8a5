package dev.dockmock.engine.swarm;

import java.util.HashMap;
import java.util.Map;

/**
 * Where engines in one process find each other's swarm: the managers' addresses
 * ({@code 127.0.0.1:2377}) to the swarm they manage, as the network would lead a
 * {@code docker swarm join} to a manager. Engines that share a directory can join each other's
 * swarms; an engine alone has a directory of its own, so its joins find nothing.
 */
public final class SwarmDirectory {
    private final Map<String, ClusterState> byManagerAddr = new HashMap<>();

    synchronized void register(String managerAddr, ClusterState cluster) {
        byManagerAddr.put(managerAddr, cluster);
    }

    synchronized void unregister(String managerAddr) {
        byManagerAddr.remove(managerAddr);
    }

    /** The swarm managed at {@code addr} ({@code host} or {@code host:port}, port 2377 by default), or null. */
    synchronized ClusterState find(String addr) {
        String key = addr.contains(":") && !addr.endsWith("]") ? addr : addr + ":" + SwarmNode.MANAGER_PORT;
        return byManagerAddr.get(key);
    }
}
