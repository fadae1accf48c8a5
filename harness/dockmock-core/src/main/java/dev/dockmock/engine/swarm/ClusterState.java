package dev.dockmock.engine.swarm;

import dev.dockmock.protocol.DockerException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    /**
     * Bumped by every change to the nodes, services and cluster settings, and by the changes to
     * tasks that the orchestrator's reconciling acts on: the control loop reconciles when it moves.
     */
    private long changes;
    /** Tasks put or removed since the control loop last looked. */
    private Set<String> touchedTasks = new LinkedHashSet<>();
    final Map<String, SwarmNode> nodes = new WatchedMap<>((id, before, after) -> changes++);
    final Map<String, SwarmService> services = new WatchedMap<>((id, before, after) -> changes++);
    final Map<String, Task> tasks = new WatchedMap<>((id, before, after) -> {
        touchedTasks.add(id);
        if (reconcileSees(before, after)) {
            changes++;
        }
    });
    final Map<String, StoredObject> secrets = new LinkedHashMap<>();
    final Map<String, StoredObject> configs = new LinkedHashMap<>();
    final Map<String, NodeRuntime> runtimes = new LinkedHashMap<>();
    /** The swarm's networks ({@code ingress} and the overlay networks made on its managers), by id. */
    final SwarmNetworks networks = new SwarmNetworks();
    /** {@code GET /nodes} documents, for lists of thousands of nodes. */
    final DocumentCache<SwarmNode> nodeDocuments = new DocumentCache<>();
    /** {@code GET /tasks} documents, for lists of thousands of tasks. */
    final DocumentCache<Task> taskDocuments = new DocumentCache<>();
    private Orchestrator orchestrator;
    private final RoutingMesh mesh = new RoutingMesh(this);
    private final LeaderElection election = new LeaderElection(this);

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
        changes++;
    }

    /**
     * Whether a task's change matters to reconciling: a task made or forgotten, wanted in another
     * state, or ended. A task stepping towards running does not (a rollout waiting for its tasks
     * to run has the orchestrator look on every tick anyway).
     */
    private static boolean reconcileSees(Task before, Task after) {
        return before == null || after == null || before.desired() != after.desired()
                || before.state().terminal() != after.state().terminal();
    }

    /** How many changes the nodes, services, tasks and cluster settings have seen: equal counts mean nothing changed. */
    long changes() {
        return changes;
    }

    /** The ids of the tasks put or removed since the last call, in order. */
    Set<String> takeTouchedTasks() {
        Set<String> touched = touchedTasks;
        touchedTasks = new LinkedHashSet<>();
        return touched;
    }

    Map<String, StoredObject> objects(StoredObject.Kind kind) {
        return kind == StoredObject.Kind.SECRET ? secrets : configs;
    }

    /** @throws DockerException 404 {@code service x not found}, 400 when a prefix is ambiguous */
    SwarmService service(String input) {
        return IdOrNameLookup.find(services, input, SwarmService::name, "service");
    }

    /** @throws DockerException 404 {@code node x not found} */
    SwarmNode node(String input) {
        return IdOrNameLookup.find(nodes, input, n -> n.name().isEmpty() ? n.hostname() : n.name(), "node");
    }

    /** @throws DockerException 404 {@code task x not found} */
    Task task(String input) {
        return IdOrNameLookup.find(tasks, input, t -> null, "task");
    }

    /** @throws DockerException 404 {@code secret x not found} / {@code config x not found} */
    StoredObject object(StoredObject.Kind kind, String input) {
        return IdOrNameLookup.find(objects(kind), input, StoredObject::name, kind.singular());
    }

    /** Tasks of a service, oldest first. */
    List<Task> tasksOf(String serviceId) {
        return tasks.values().stream().filter(t -> t.serviceId().equals(serviceId)).toList();
    }

    /** Every task grouped by service, oldest first within each: one pass over the tasks, for work on every service. */
    Map<String, List<Task>> tasksByService() {
        Map<String, List<Task>> grouped = new HashMap<>();
        for (Task task : tasks.values()) {
            grouped.computeIfAbsent(task.serviceId(), k -> new ArrayList<>()).add(task);
        }
        return grouped;
    }

    SwarmNode leader() {
        return nodes.values().stream().filter(SwarmNode::leader).findFirst().orElse(null);
    }

    /** The published ports listening for the swarm's services. */
    RoutingMesh mesh() {
        return mesh;
    }

    /** Who leads, and the election that picks the next leader. */
    LeaderElection election() {
        return election;
    }

    /** The control loop, null while none runs; for tests. */
    Orchestrator orchestrator() {
        return orchestrator;
    }

    /** Starts the control loop, unless it runs: on {@code swarm init} and when a leader is elected again. */
    void startOrchestrator() {
        if (orchestrator == null) {
            orchestrator = new Orchestrator(this);
            orchestrator.start();
        }
    }

    /** Ends the control loop: the swarm has lost its last manager, or the engine closes. */
    void stopOrchestrator() {
        if (orchestrator != null) {
            orchestrator.stop();
            orchestrator = null;
        }
    }
}
