package dev.dockmock.engine.swarm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Forgets tasks as swarmkit's task reaper does: tasks marked for removal (scaled away, or of a
 * removed service) once they have stopped, and in each slot the oldest ended tasks beyond the
 * cluster's task history limit. Their containers are removed with them.
 */
final class TaskReaper {
    private final ClusterState state;

    TaskReaper(ClusterState state) {
        this.state = state;
    }

    /**
     * One pass over the tasks when no slot holds an ended task (the steady state), a second over
     * the slots that do.
     */
    void reap() {
        Map<String, List<Task>> ended = new HashMap<>();
        for (Task task : new ArrayList<>(state.tasks.values())) {
            if (!task.state().terminal()) {
                continue;
            }
            if (removable(task, state.services.get(task.serviceId()))) {
                forget(task);
            } else if (!task.live()) {
                ended.computeIfAbsent(slot(task), k -> new ArrayList<>()).add(task);
            }
        }
        if (ended.isEmpty()) {
            return;
        }
        Map<String, Integer> sizes = new HashMap<>();
        for (Task task : state.tasks.values()) {
            String slot = slot(task);
            if (ended.containsKey(slot) && !removable(task, state.services.get(task.serviceId()))) {
                sizes.merge(slot, 1, Integer::sum);
            }
        }
        int limit = Math.max(1, state.info().taskHistoryLimit());
        for (Map.Entry<String, List<Task>> slot : ended.entrySet()) {
            int excess = sizes.getOrDefault(slot.getKey(), 0) - limit;
            for (Task task : slot.getValue()) {
                if (excess <= 0) {
                    break;
                }
                forget(task);
                excess--;
            }
        }
    }

    private static boolean removable(Task task, SwarmService service) {
        return task.desired() == TaskState.REMOVE || service == null
                || (!service.global() && !service.job() && task.slot() > service.replicas() && !task.live());
    }

    private static String slot(Task task) {
        return task.serviceId() + "/" + ServiceReconciler.slotKey(task);
    }

    private void forget(Task task) {
        state.tasks.remove(task.id());
        NodeRuntime runtime = state.runtimes.get(task.nodeId());
        if (runtime != null && !task.status().containerId().isEmpty()) {
            runtime.remove(task.status().containerId());
        }
    }
}
