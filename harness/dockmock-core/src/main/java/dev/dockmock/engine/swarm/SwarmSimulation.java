package dev.dockmock.engine.swarm;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.protocol.DockerException;
import java.util.List;
import java.util.Optional;

/**
 * The simulated nodes of one engine's swarm: nodes with no engine and no listener whose tasks
 * "run" as entries in a map (see docs/swarm.md, "Scale"), added and steered by the harness.
 */
public final class SwarmSimulation {
    private final Swarm swarm;
    private final EngineContext context;

    SwarmSimulation(Swarm swarm, EngineContext context) {
        this.swarm = swarm;
        this.context = context;
    }

    /**
     * Adds {@code count} simulated worker nodes, named {@code prefix-0001}, ... They are
     * {@code ready} and {@code active} and take tasks as any node does. The engine must be a
     * manager of a swarm with a leader.
     *
     * @return the new nodes' ids
     */
    public List<String> add(int count, String prefix) {
        return SimulatedNodeRuntime.addNodes(swarm.manager(), count, prefix, context.identity().engineVersion());
    }

    /** The simulated node called {@code nameOrId} (host name, node id or unique prefix), if any. */
    public Optional<SimulatedNode> find(String nameOrId) {
        Membership current = swarm.membership();
        return current == null ? Optional.empty() : SimulatedNodes.find(current.cluster(), nameOrId);
    }

    /**
     * Takes a simulated node down ({@code up} false: {@code Down} in {@code docker node ls}, its
     * tasks placed elsewhere) or brings it back up ({@code Ready}, taking tasks again).
     *
     * @return the node afterwards
     * @throws DockerException 404 when the swarm has no such simulated node
     */
    public SimulatedNode setState(String nodeId, boolean up) {
        return SimulatedNodes.setState(swarm.joined().cluster(), nodeId, up);
    }
}
