package dev.dockmock.engine.swarm;

import dev.dockmock.engine.net.HostPorts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The swarm's routing mesh: real loopback ports for the services' published ports, opened and
 * closed as {@link MeshPlan} says after every pass of the control loop, each on the engine of
 * the node it belongs to. A port that cannot be bound (something else holds it) is not tried
 * again while it is wanted. Not thread-safe: every call holds the cluster's lock.
 */
final class RoutingMesh {
    private final ClusterState state;
    private final Map<MeshPlan.MeshKey, Listener> open = new HashMap<>();

    /** A listening port, or one that could not be bound ({@code port} null), and the balancer behind it. */
    private record Listener(HostPorts.OpenPort port, MeshBalancer balancer) {
        void close() {
            if (port != null) {
                port.close();
            }
        }
    }

    RoutingMesh(ClusterState state) {
        this.state = state;
    }

    /** Opens the ports that are wanted now, closes those no longer wanted, and gives each its running tasks. */
    void sync() {
        Map<MeshPlan.MeshKey, List<MeshBalancer.Backend>> wanted = MeshPlan.of(state);
        if (wanted.isEmpty() && open.isEmpty()) {
            return;
        }
        open.entrySet().removeIf(entry -> {
            if (wanted.containsKey(entry.getKey())) {
                return false;
            }
            entry.getValue().close();
            return true;
        });
        wanted.forEach((key, backends) -> open.computeIfAbsent(key, this::listen).balancer().use(backends));
    }

    private Listener listen(MeshPlan.MeshKey key) {
        MeshBalancer balancer = new MeshBalancer();
        NodeRuntime runtime = state.runtimes.get(key.nodeId());
        try {
            return new Listener(runtime.listen(key.address(), key.port(), balancer), balancer);
        } catch (IOException | RuntimeException e) {
            // taken by another process or container, or the node's engine has closed: that address does not answer
            return new Listener(null, balancer);
        }
    }

    /** Closes the ports on {@code nodeId}: it left the swarm, went down, or its engine closes. */
    void closeNode(String nodeId) {
        open.entrySet().removeIf(entry -> {
            if (!entry.getKey().nodeId().equals(nodeId)) {
                return false;
            }
            entry.getValue().close();
            return true;
        });
    }

    /** The ports listening now, as {@code address:port}; for tests. */
    List<String> listening() {
        List<String> ports = new ArrayList<>();
        open.forEach((key, listener) -> {
            if (listener.port() != null) {
                ports.add(key.address() + ":" + key.port());
            }
        });
        return ports;
    }
}
