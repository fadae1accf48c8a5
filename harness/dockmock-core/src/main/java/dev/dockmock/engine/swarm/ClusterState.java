package dev.dockmock.engine.swarm;

import dev.dockmock.protocol.DockerException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Everything a swarm holds: the cluster, its nodes, services, tasks, secrets and configs, and the
 * runtimes of its nodes. Not thread-safe: every access holds {@link #lock()}.
 */
final class ClusterState {
    private final Object lock;
    private final Clock clock;
    private final SwarmIds ids;
    private final SwarmEvents events;
    private final SwarmTiming timing;
    private long index;
    private ClusterInfo info;
    final Map<String, SwarmNode> nodes = new LinkedHashMap<>();
    final Map<String, SwarmService> services = new LinkedHashMap<>();
    final Map<String, Task> tasks = new LinkedHashMap<>();
    final Map<String, StoredObject> secrets = new LinkedHashMap<>();
    final Map<String, StoredObject> configs = new LinkedHashMap<>();
    final Map<String, NodeRuntime> runtimes = new LinkedHashMap<>();
    private final List<Consumer<String>> leaderListeners = new CopyOnWriteArrayList<>();
    private Orchestrator orchestrator;

    ClusterState(Object lock, Clock clock, SwarmIds ids, SwarmEvents events, SwarmTiming timing, long firstIndex) {
        this.lock = lock;
        this.clock = clock;
        this.ids = ids;
        this.events = events;
        this.timing = timing;
        this.index = firstIndex;
    }

    Object lock() {
        return lock;
    }

    SwarmIds ids() {
        return ids;
    }

    SwarmEvents events() {
        return events;
    }

    SwarmTiming timing() {
        return timing;
    }

    Instant now() {
        return clock.instant();
    }

    /** The next raft index: every change to the cluster takes one. */
    long nextIndex() {
        return ++index;
    }

    ClusterInfo info() {
        return info;
    }

    void info(ClusterInfo newInfo) {
        this.info = newInfo;
    }

    Map<String, StoredObject> objects(StoredObject.Kind kind) {
        return kind == StoredObject.Kind.SECRET ? secrets : configs;
    }

    /** @throws DockerException 404 {@code service x not found}, 400 when a prefix is ambiguous */
    SwarmService service(String input) {
        return find(services, input, SwarmService::name, "service");
    }

    /** @throws DockerException 404 {@code node x not found} */
    SwarmNode node(String input) {
        return find(nodes, input, n -> n.name().isEmpty() ? n.hostname() : n.name(), "node");
    }

    /** @throws DockerException 404 {@code task x not found} */
    Task task(String input) {
        return find(tasks, input, t -> null, "task");
    }

    /** @throws DockerException 404 {@code secret x not found} / {@code config x not found} */
    StoredObject object(StoredObject.Kind kind, String input) {
        return find(objects(kind), input, StoredObject::name, kind.singular());
    }

    /** dockerd's lookup: the full id, then the name, then a unique id prefix. */
    private static <T> T find(Map<String, T> byId, String input, Function<T, String> name, String what) {
        T exact = byId.get(input);
        if (exact != null) {
            return exact;
        }
        List<T> named = new ArrayList<>();
        List<T> prefixed = new ArrayList<>();
        for (Map.Entry<String, T> entry : byId.entrySet()) {
            if (input.equals(name.apply(entry.getValue()))) {
                named.add(entry.getValue());
            }
            if (!input.isEmpty() && entry.getKey().startsWith(input)) {
                prefixed.add(entry.getValue());
            }
        }
        List<T> found = named.isEmpty() ? prefixed : named;
        if (found.size() > 1) {
            throw new DockerException(400, what + " " + input + " is ambiguous (" + found.size() + " matches found)");
        }
        if (found.isEmpty()) {
            throw new DockerException(404, what + " " + input + " not found");
        }
        return found.get(0);
    }

    /** Tasks of a service, oldest first. */
    List<Task> tasksOf(String serviceId) {
        return tasks.values().stream().filter(t -> t.serviceId().equals(serviceId)).toList();
    }

    SwarmNode leader() {
        return nodes.values().stream().filter(SwarmNode::leader).findFirst().orElse(null);
    }

    /** Starts the control loop (once, on {@code swarm init}). */
    void startOrchestrator() {
        orchestrator = new Orchestrator(this);
        orchestrator.start();
    }

    /** Ends the control loop: the swarm has lost its last manager, or the engine closes. */
    void stopOrchestrator() {
        if (orchestrator != null) {
            orchestrator.stop();
            orchestrator = null;
        }
    }

    /** Calls {@code listener} with the new leader's node id whenever leadership moves. */
    void onLeaderChange(Consumer<String> listener) {
        leaderListeners.add(listener);
    }

    /** Tells the leadership listeners the leader again: roles changed, so who forwards to whom may have. */
    void announceLeader() {
        SwarmNode leader = leader();
        if (leader != null) {
            leaderListeners.forEach(l -> l.accept(leader.id()));
        }
    }

    /**
     * Makes {@code nodeId} the leader, or, with null, keeps the leader if it is still a ready
     * manager and otherwise elects the first ready manager, as raft would elect one of them.
     *
     * @return the leader afterwards, null when no manager is left
     */
    SwarmNode elect(String nodeId) {
        SwarmNode current = leader();
        SwarmNode chosen = nodeId != null ? nodes.get(nodeId)
                : current != null && current.manager() && current.state().equals("ready") ? current
                : nodes.values().stream().filter(n -> n.manager() && n.state().equals("ready")).findFirst().orElse(null);
        if (chosen == current) {
            return current;
        }
        if (current != null) {
            nodes.put(current.id(), current.withLeader(false, current.meta().updated(nextIndex(), now())));
        }
        if (chosen == null) {
            stopOrchestrator();
            return null;
        }
        SwarmNode leader = chosen.withLeader(true, chosen.meta().updated(nextIndex(), now()));
        nodes.put(leader.id(), leader);
        leaderListeners.forEach(l -> l.accept(leader.id()));
        return leader;
    }
}
