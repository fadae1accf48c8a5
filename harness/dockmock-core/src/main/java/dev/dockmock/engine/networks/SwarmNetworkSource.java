package dev.dockmock.engine.networks;

import java.util.Optional;

/**
 * The networks of the swarm an engine is in, as its containers may name them though the engine
 * does not have them yet (dockerd creates a swarm network on a worker when a container joins
 * it). Read without any lock: callers hold their engine's lock, which comes after the swarm's.
 */
@FunctionalInterface
public interface SwarmNetworkSource {

    /** The swarm's network by id, name or unique id prefix, if the swarm has it. */
    Optional<SharedNetwork> find(String idOrName);

    /** An engine in no swarm. */
    SwarmNetworkSource NONE = idOrName -> Optional.empty();
}
