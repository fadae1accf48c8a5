package dev.dockmock.engine.networks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.protocol.DockerException;
import java.util.Map;

/**
 * What the network API needs of the engine's swarm: whether this engine manages one, and making
 * and removing the swarm's own networks there. Every method is called without the engine's lock
 * (the swarm's lock comes before any engine's).
 */
public interface ClusterNetworks {

    /** Whether overlay networks can be created here: this engine is a manager of an active swarm. */
    boolean active();

    /** Whether this engine is a worker of a swarm, where swarm-scoped networks cannot be made. */
    default boolean worker() {
        return false;
    }

    /**
     * Creates a swarm-scoped network (checked as {@code POST /networks/create} checks) that every
     * manager of the swarm has from now on.
     */
    default Network create(JsonNode body) {
        throw new DockerException(403, "cannot create a swarm scoped network when swarm is not active");
    }

    /**
     * Removes one of the swarm's networks from the swarm and every engine that has it.
     *
     * @throws DockerException with swarmkit's answer when a service or a task still uses it
     */
    default void remove(Network network) {
        throw new DockerException(403, "cannot remove a swarm scoped network when swarm is not active");
    }

    /**
     * What a verbose inspect adds for one of the swarm's networks ({@code Services}, {@code Peers});
     * empty outside a swarm.
     */
    default Map<String, Object> verbose(Network network) {
        return Map.of();
    }

    /** An engine outside any swarm. */
    ClusterNetworks NONE = () -> false;
}
