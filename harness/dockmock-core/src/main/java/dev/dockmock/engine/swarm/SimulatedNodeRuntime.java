package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.engine.networks.SharedNetwork;
import dev.dockmock.engine.networks.SwarmNetworkSource;
import dev.dockmock.engine.process.OutputLog;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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

    /** Adds {@code count} simulated workers named {@code prefix-NNNN} to {@code cluster}; returns their ids. */
    static List<String> addNodes(ClusterState cluster, int count, String prefix, String engineVersion) {
        List<String> ids = new ArrayList<>();
        synchronized (cluster.lock()) {
            int first = (int) cluster.nodes.values().stream().filter(n -> n.hostname().startsWith(prefix + "-")).count() + 1;
            for (int i = 0; i < count; i++) {
                int n = first + i;
                String addr = "10." + (200 + n / 65536 % 50) + "." + (n / 256 % 256) + "." + (n % 256);
                SwarmNode node = new SwarmNode(cluster.ids().next(), Meta.created(cluster.nextIndex(), cluster.now()), "", Map.of(),
                        "worker", "active", String.format("%s-%04d", prefix, n), engineVersion, addr, "ready", false);
                cluster.nodes.put(node.id(), node);
                cluster.runtimes.put(node.id(), new SimulatedNodeRuntime());
                ids.add(node.id());
            }
            cluster.lock().notifyAll();
        }
        return ids;
    }

    @Override
    public void fetchImage(String image) {
        // a simulated node has every image
    }

    @Override
    public String create(String name, ObjectNode body, List<SharedNetwork> networks) {
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
    public void addNetworks(SwarmNetworkSource swarm, List<SharedNetwork> stay) {
        // no engine, no networks
    }

    @Override
    public void forgetNetwork(String networkId) {
    }

    @Override
    public void leaveNetworks() {
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
