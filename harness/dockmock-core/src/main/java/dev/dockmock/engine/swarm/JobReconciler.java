package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reconciles job services as swarmkit's job orchestrators do. Only the tasks of the job's current
 * execution ({@link JobStatus#iteration()}) count; those of an earlier one still on their way are
 * removed. A replicated job gets tasks in slots {@code 0..TotalCompletions-1}, at most
 * {@code MaxConcurrent} at a time, until every slot holds a complete task; a global job one task
 * on every eligible node. Tasks are wanted {@code complete}: one that completes stays, one that
 * fails is replaced after the restart delay unless its restart policy says {@code none} or its
 * {@code MaxAttempts} are used up (a job's task is never restarted once complete, so {@code any}
 * acts as {@code on-failure}). Called from the {@link Orchestrator} with the cluster's lock held.
 */
final class JobReconciler {
    private final ClusterState state;
    private final Orchestrator orchestrator;
    /** Slots (or nodes) whose restart policy said to stop, by service, with the job execution they gave up in. */
    private final Map<String, Map<String, Long>> givenUp = new HashMap<>();

    JobReconciler(ClusterState state, Orchestrator orchestrator) {
        this.state = state;
        this.orchestrator = orchestrator;
    }

    void reconcile(SwarmService service, List<Task> tasks) {
        long iteration = service.jobStatus().iteration();
        List<Task> current = new ArrayList<>();
        for (Task task : tasks) {
            if (task.jobIteration() == iteration) {
                current.add(task);
            } else if (task.live() && !task.state().terminal()) {
                TaskChanges.setDesired(state, task, TaskState.REMOVE);
            } else if (task.live() && task.state() != TaskState.COMPLETE) {
                TaskChanges.setDesired(state, task, TaskState.SHUTDOWN);
            }
        }
        if (service.replicatedJob()) {
            reconcileReplicated(service, current, iteration);
        } else {
            reconcileGlobal(service, current, iteration);
        }
    }

    private void reconcileReplicated(SwarmService service, List<Task> tasks, long iteration) {
        Set<Integer> occupied = new HashSet<>();
        long active = 0;
        for (Task task : tasks) {
            if (task.state() == TaskState.COMPLETE) {
                occupied.add(task.slot());
            } else if (task.live()) {
                active++;
                occupied.add(task.slot());
                SwarmNode node = state.nodes.get(task.nodeId());
                if (task.state().terminal()) {
                    restart(service, task, iteration);
                } else if (!task.nodeId().isEmpty() && !ServiceReconciler.keeps(node)) {
                    TaskChanges.setDesired(state, task, TaskState.SHUTDOWN);
                } else if (task.desired() == TaskState.READY) {
                    orchestrator.runWhenDue(task, TaskState.COMPLETE);
                }
            }
        }
        long total = service.totalCompletions();
        long room = service.maxConcurrent() - active;
        for (int slot = 0; slot < total && room > 0; slot++) {
            if (!occupied.contains(slot) && !gaveUp(service, key(service, slot, ""), iteration)) {
                TaskChanges.create(state, service, slot, "", TaskState.COMPLETE, Task.TaskClock.after(orchestrator.stepNanos()), iteration);
                room--;
            }
        }
    }

    private void reconcileGlobal(SwarmService service, List<Task> tasks, long iteration) {
        Map<String, Task> byNode = new LinkedHashMap<>();
        List<String> constraints = Scheduler.constraints(service.taskTemplate());
        for (Task task : tasks) {
            if (!task.live()) {
                continue;
            }
            byNode.put(task.nodeId(), task);
            SwarmNode node = state.nodes.get(task.nodeId());
            if (task.state() == TaskState.COMPLETE) {
                continue;
            }
            if (!ServiceReconciler.keeps(node) || !Scheduler.satisfies(node, constraints)) {
                TaskChanges.setDesired(state, task, TaskState.SHUTDOWN);
            } else if (task.state().terminal()) {
                restart(service, task, iteration);
            } else if (task.desired() == TaskState.READY) {
                orchestrator.runWhenDue(task, TaskState.COMPLETE);
            }
        }
        for (SwarmNode node : new ArrayList<>(state.nodes.values())) {
            if (!byNode.containsKey(node.id()) && node.schedulable() && Scheduler.satisfies(node, constraints)
                    && !gaveUp(service, node.id(), iteration)) {
                TaskChanges.create(state, service, 0, node.id(), TaskState.COMPLETE, Task.TaskClock.after(orchestrator.stepNanos()), iteration);
            }
        }
    }

    /** A task of the current execution that failed: replaced in its slot (or on its node) after the restart delay, as its policy says. */
    private void restart(SwarmService service, Task dead, long iteration) {
        JsonNode policy = service.taskTemplate().path("RestartPolicy");
        TaskChanges.setDesired(state, dead, TaskState.SHUTDOWN);
        String key = key(service, dead.slot(), dead.nodeId());
        boolean again = !policy.path("Condition").asText("").equals("none");
        int maxAttempts = policy.path("MaxAttempts").asInt(0);
        if (again && maxAttempts > 0) {
            long attempts = state.tasksOf(service.id()).stream()
                    .filter(t -> t.jobIteration() == iteration && key(service, t.slot(), t.nodeId()).equals(key) && t.state().terminal()
                            && t.state() != TaskState.SHUTDOWN && t.state() != TaskState.COMPLETE)
                    .count();
            again = attempts <= maxAttempts;
        }
        if (!again) {
            givenUp.computeIfAbsent(service.id(), k -> new HashMap<>()).put(key, iteration);
            return;
        }
        long delay = policy.path("Delay").isNumber() ? policy.path("Delay").asLong() : 5_000_000_000L;
        TaskChanges.create(state, service, dead.slot(), service.globalJob() ? dead.nodeId() : "", TaskState.READY,
                Task.TaskClock.restartAfter(orchestrator.stepNanos(), state.timing().scaledNanos(delay)), iteration);
    }

    private boolean gaveUp(SwarmService service, String key, long iteration) {
        Long gaveUpIn = givenUp.getOrDefault(service.id(), Map.of()).get(key);
        return gaveUpIn != null && gaveUpIn == iteration;
    }

    private static String key(SwarmService service, int slot, String nodeId) {
        return service.replicatedJob() ? "slot " + slot : nodeId;
    }

    /**
     * A job's {@code ServiceStatus} as swarmkit counts it over the current execution's tasks:
     * running and complete tasks; wanted, a replicated job's {@code MaxConcurrent}, or for a global
     * job the tasks wanted complete that are not complete yet.
     */
    static Map<String, Object> status(SwarmService service, List<Task> serviceTasks) {
        long iteration = service.jobStatus() == null ? -1 : service.jobStatus().iteration();
        long running = 0;
        long completed = 0;
        long desired = service.replicatedJob() ? service.maxConcurrent() : 0;
        for (Task task : serviceTasks) {
            if (task.jobIteration() != iteration) {
                continue;
            }
            if (task.state() == TaskState.COMPLETE) {
                completed++;
            } else if (task.desired() == TaskState.COMPLETE && service.globalJob()) {
                desired++;
            }
            if (task.state() == TaskState.RUNNING) {
                running++;
            }
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("RunningTasks", running);
        status.put("DesiredTasks", desired);
        status.put("CompletedTasks", completed);
        return status;
    }
}
