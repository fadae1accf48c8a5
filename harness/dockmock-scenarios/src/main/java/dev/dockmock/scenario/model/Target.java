package dev.dockmock.scenario.model;

import java.util.Optional;

/**
 * Which listener a client talks to: a transport of the scenario's setup (the first one when
 * empty) and, in a swarm, a node by name (the leader at the time when empty).
 */
public record Target(Optional<Transport> transport, Optional<String> node) {

    public static Target defaults() {
        return new Target(Optional.empty(), Optional.empty());
    }
}
