package dev.dockmock.engine.swarm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the routing mesh listens, worked out from the swarm's services, tasks and nodes: an
 * {@code ingress} port on every ready node while the service has a running task, a {@code host}
 * port only on the nodes that run one of its tasks; and which tasks answer each.
 */
final class MeshPlan {

    /**
     * One listening port.
     *
     * @param nodeId the node whose engine opens it
     * @param address the node's loopback address
     * @param port the published port
     * @param serviceId the service it reaches
     * @param host whether it is published in {@code host} mode (answered by the node's own tasks)
     */
    record MeshKey(String nodeId, String address, int port, String serviceId, boolean host) {
    }

    private MeshPlan() {
    }

    /** Every port the mesh should listen on now, with the tasks that answer there; empty when no service publishes a port. */
    static Map<MeshKey, List<MeshBalancer.Backend>> of(ClusterState state) {
        Map<MeshKey, List<MeshBalancer.Backend>> wanted = new LinkedHashMap<>();
        List<SwarmService> publishing = state.services.values().stream().filter(s -> !PublishedPorts.served(s).isEmpty()).toList();
        if (publishing.isEmpty()) {
            return wanted;
        }
        List<SwarmNode> listening = state.nodes.values().stream().filter(n -> listens(state, n)).toList();
        Map<String, List<Task>> byService = state.tasksByService();
        for (SwarmService service : publishing) {
            List<Task> running = byService.getOrDefault(service.id(), List.of()).stream().filter(t -> answers(state, t)).toList();
            for (PublishedPorts.Published port : PublishedPorts.served(service)) {
                for (SwarmNode node : listening) {
                    List<Task> answering = port.host() ? running.stream().filter(t -> t.nodeId().equals(node.id())).toList() : running;
                    if (!answering.isEmpty()) {
                        wanted.put(new MeshKey(node.id(), address(node), port.published(), service.id(), port.host()),
                                backends(state, answering));
                    }
                }
            }
        }
        return wanted;
    }

    /**
     * The address a node's mesh ports listen on: its advertised address when that is a loopback
     * one (a {@code SwarmCluster}'s nodes advertise 127.0.0.N), 127.0.0.1 otherwise, since
     * nothing of dockmock's listens beyond loopback.
     */
    static String address(SwarmNode node) {
        return node.addr().matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}") ? node.addr() : "127.0.0.1";
    }

    /** Nodes with an engine of their own that are up: simulated nodes have no sockets. */
    private static boolean listens(ClusterState state, SwarmNode node) {
        NodeRuntime runtime = state.runtimes.get(node.id());
        return node.state().equals("ready") && runtime != null && !(runtime instanceof SimulatedNodeRuntime);
    }

    /** A task the mesh sends connections to: running, wanted running, on a node that is up. */
    private static boolean answers(ClusterState state, Task task) {
        SwarmNode node = state.nodes.get(task.nodeId());
        return task.state() == TaskState.RUNNING && task.desired() == TaskState.RUNNING && !task.status().containerId().isEmpty()
                && node != null && node.state().equals("ready") && state.runtimes.get(task.nodeId()) != null;
    }

    private static List<MeshBalancer.Backend> backends(ClusterState state, List<Task> tasks) {
        List<MeshBalancer.Backend> backends = new ArrayList<>();
        for (Task task : tasks) {
            NodeRuntime runtime = state.runtimes.get(task.nodeId());
            String containerId = task.status().containerId();
            backends.add(() -> runtime.portAnswer(containerId));
        }
        return backends;
    }
}
