package dev.dockmock.engine.networks;

/**
 * What the network API needs to know of the engine's swarm: whether this engine manages one, so
 * that overlay (swarm-scoped) networks can be created.
 */
@FunctionalInterface
public interface ClusterNetworks {

    /** Whether overlay networks can be created here: this engine is a manager of an active swarm. */
    boolean active();

    /** An engine outside any swarm. */
    ClusterNetworks NONE = () -> false;
}
