package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reconciles a replicated or global service, as swarmkit's orchestrators do: a task for each
 * slot {@code 1..Replicas} (replicated) or each eligible node (global), tasks beyond them
 * removed, tasks on nodes that may not keep them shut down, and tasks that ended restarted as
 * the restart policy says, until it gives up on a slot. Jobs are {@link JobReconciler}'s.
 */
final class ServiceReconciler {
    private final ClusterState state;
    private final Orchestrator orchestrator;
    /** Slots whose restart policy said to stop, by service, with the task template they gave up on. */
    private final Map<String, Map<String, ObjectNode>> givenUp = new HashMap<>();

    ServiceReconciler(ClusterState state, Orchestrator orchestrator) {
        this.state = state;
        this.orchestrator = orchestrator;
    }

    /** Reconciles {@code service} (no job) whose tasks are {@code tasks}, oldest first. */
    void reconcile(SwarmService service, List<Task> tasks) {
        if (service.global()) {
            reconcileGlobal(service, tasks);
        } else {
            reconcileReplicated(service, tasks);
        }
    }

    private void reconcileReplicated(SwarmService service, List<Task> tasks) {
        Map<Integer, Task> live = new LinkedHashMap<>();
        for (Task task : tasks) {
            if (task.live()) {
                live.put(task.slot(), task);
            }
        }
        int replicas = service.replicas();
        for (Task task : live.values()) {
            SwarmNode node = state.nodes.get(task.nodeId());
            if (task.slot() > replicas) {
                TaskChanges.setDesired(state, task, TaskState.REMOVE);
            } else if (task.state().terminal()) {
                restart(service, task);
            } else if (!task.nodeId().isEmpty() && !keeps(node)) {
                TaskChanges.setDesired(state, task, TaskState.SHUTDOWN);
            } else if (task.desired() == TaskState.READY) {
                orchestrator.runWhenDue(task, TaskState.RUNNING);
            }
        }
        for (int slot = 1; slot <= replicas; slot++) {
            if (!live.containsKey(slot) && !gaveUp(service, String.valueOf(slot))) {
                TaskChanges.create(state, service, slot, "", TaskState.RUNNING, Task.TaskClock.after(orchestrator.stepNanos()));
            }
        }
    }

    private void reconcileGlobal(SwarmService service, List<Task> tasks) {
        Map<String, Task> live = new LinkedHashMap<>();
        for (Task task : tasks) {
            if (task.live()) {
                live.put(task.nodeId(), task);
            }
        }
        List<String> constraints = Scheduler.constraints(service.taskTemplate());
        for (Task task : live.values()) {
            SwarmNode node = state.nodes.get(task.nodeId());
            if (!keeps(node) || !Scheduler.satisfies(node, constraints)) {
                TaskChanges.setDesired(state, task, TaskState.SHUTDOWN);
            } else if (task.state().terminal()) {
                restart(service, task);
            } else if (task.desired() == TaskState.READY) {
                orchestrator.runWhenDue(task, TaskState.RUNNING);
            }
        }
        for (SwarmNode node : new ArrayList<>(state.nodes.values())) {
            if (!live.containsKey(node.id()) && node.schedulable() && Scheduler.satisfies(node, constraints)
                    && !gaveUp(service, node.id())) {
                TaskChanges.create(state, service, 0, node.id(), TaskState.RUNNING, Task.TaskClock.after(orchestrator.stepNanos()));
            }
        }
    }

    /** Whether tasks may stay on {@code node}: it is in the swarm, up, and not drained (a paused node keeps its tasks). */
    static boolean keeps(SwarmNode node) {
        return node != null && node.state().equals("ready") && !node.availability().equals("drain");
    }

    /** A task that ended while wanted: replaced after the restart delay, unless its restart policy says otherwise. */
    private void restart(SwarmService service, Task dead) {
        JsonNode policy = service.taskTemplate().path("RestartPolicy");
        String condition = policy.path("Condition").asText("");
        TaskChanges.setDesired(state, dead, TaskState.SHUTDOWN);
        String key = slotKey(dead);
        boolean again = switch (condition) {
            case "none" -> false;
            case "on-failure" -> dead.state() != TaskState.COMPLETE;
            default -> true;
        };
        int maxAttempts = policy.path("MaxAttempts").asInt(0);
        if (again && maxAttempts > 0) {
            long attempts = state.tasksOf(service.id()).stream()
                    .filter(t -> slotKey(t).equals(key) && t.spec().equals(service.taskTemplate()) && t.state().terminal()
                            && t.state() != TaskState.SHUTDOWN)
                    .count();
            again = attempts <= maxAttempts;
        }
        if (!again) {
            givenUp.computeIfAbsent(service.id(), k -> new HashMap<>()).put(key, service.taskTemplate());
            return;
        }
        long delay = policy.path("Delay").isNumber() ? policy.path("Delay").asLong() : 5_000_000_000L;
        TaskChanges.create(state, service, dead.slot(), service.global() ? dead.nodeId() : "", TaskState.READY,
                Task.TaskClock.restartAfter(orchestrator.stepNanos(), state.timing().scaledNanos(delay)));
    }

    private boolean gaveUp(SwarmService service, String key) {
        ObjectNode template = givenUp.getOrDefault(service.id(), Map.of()).get(key);
        return template != null && template.equals(service.taskTemplate());
    }

    static String slotKey(Task task) {
        return task.slot() > 0 ? String.valueOf(task.slot()) : task.nodeId();
    }

}
