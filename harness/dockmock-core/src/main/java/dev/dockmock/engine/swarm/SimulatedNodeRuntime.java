package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.engine.process.OutputLog;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The runtime of a simulated node: a node with no engine and no listener, for swarms of
 * thousands of nodes. Its "containers" are entries in a map: they start at once, run until told
 * to stop, and stop at once; no process, no thread, no output. Every image is taken as present.
 * The orchestrator's tick moves their tasks along like any other, so a simulated swarm converges
 * on the configured timing.
 */
final class SimulatedNodeRuntime implements NodeRuntime {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Map<String, ContainerView> containers = new ConcurrentHashMap<>();

    @Override
    public void fetchImage(String image) {
        // a simulated node has every image
    }

    @Override
    public String create(String name, ObjectNode body) {
        String id = HexFormat.of().toHexDigits(SEQUENCE.incrementAndGet()) + HexFormat.of().toHexDigits((long) name.hashCode())
                + "5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e";
        containers.put(id, new ContainerView(false, 0, 0, "", 0));
        return id;
    }

    @Override
    public void start(String containerId) {
        containers.computeIfPresent(containerId, (id, c) -> new ContainerView(true, 0, 1000 + (int) (SEQUENCE.get() % 30000), "",
                c.exits()));
    }

    @Override
    public Optional<ContainerView> inspect(String containerId) {
        return Optional.ofNullable(containers.get(containerId));
    }

    @Override
    public void stop(String containerId, int graceSeconds) {
        containers.computeIfPresent(containerId, (id, c) -> c.up() ? new ContainerView(false, 0, 0, "", c.exits() + 1) : c);
    }

    @Override
    public void remove(String containerId) {
        containers.remove(containerId);
    }

    @Override
    public Optional<NetworkRef> network(String idOrName) {
        // networks live on the leader's engine; a simulated node attaches to whatever the spec names
        return Optional.of(new NetworkRef(idOrName, idOrName, true));
    }

    @Override
    public void swarmNetworks(boolean present) {
        // no engine, no networks
    }

    @Override
    public Optional<OutputLog> log(String containerId) {
        return Optional.empty();
    }

    /** How many containers it holds, for tests and benchmarks. */
    int containerCount() {
        return containers.size();
    }
}
