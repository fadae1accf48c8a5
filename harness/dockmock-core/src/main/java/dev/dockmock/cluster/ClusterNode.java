package dev.dockmock.cluster;

import dev.dockmock.engine.Engine;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.server.DockMockServer;
import java.util.List;

/**
 * One node of a {@link SwarmCluster}: an engine and the server that listens for it.
 *
 * @param name the node's host name ({@code manager1}, {@code worker2}, ...)
 * @param manager whether it joined as a manager
 * @param address the address it advertises to the swarm ({@code 127.0.0.N}; nothing listens there)
 * @param engine its engine
 * @param server its listeners
 */
public record ClusterNode(String name, boolean manager, String address, Engine engine, DockMockServer server) {

    /** The host strings it listens on, with ephemeral ports resolved. */
    public List<DockerHost> hosts() {
        return server.boundHosts();
    }

    /** The first host string, for {@code DOCKER_HOST}. */
    public String dockerHost() {
        return hosts().get(0).toString();
    }

    /** Its node id in the swarm. */
    public String nodeId() {
        return engine.swarm().nodeId();
    }
}
