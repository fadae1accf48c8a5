package dev.dockmock.engine.swarm;

/**
 * A simulated worker as its swarm sees it (docs/swarm.md, "Scale").
 *
 * @param id its node id
 * @param hostname {@code sim-0001}, ...
 * @param state {@code ready} or {@code down}
 * @param availability {@code active}, {@code pause} or {@code drain}
 */
public record SimulatedNode(String id, String hostname, String state, String availability) {

    static SimulatedNode of(SwarmNode node) {
        return new SimulatedNode(node.id(), node.hostname(), node.state(), node.availability());
    }
}
