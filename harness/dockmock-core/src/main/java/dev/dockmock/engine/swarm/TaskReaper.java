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

    void reap() {
        Map<String, List<Task>> bySlot = new HashMap<>();
        for (Task task : new ArrayList<>(state.tasks.values())) {
            SwarmService service = state.services.get(task.serviceId());
            boolean removable = task.desired() == TaskState.REMOVE || service == null
                    || (!service.global() && task.slot() > service.replicas() && !task.live());
            if (removable && task.state().terminal()) {
                forget(task);
            } else if (!removable) {
                bySlot.computeIfAbsent(task.serviceId() + "/" + Orchestrator.slotKey(task), k -> new ArrayList<>()).add(task);
            }
        }
        int limit = Math.max(1, state.info().taskHistoryLimit());
        for (List<Task> slot : bySlot.values()) {
            int excess = slot.size() - limit;
            for (Task task : slot) {
                if (excess <= 0) {
                    break;
                }
                if (!task.live() && task.state().terminal()) {
                    forget(task);
                    excess--;
                }
            }
        }
    }

    private void forget(Task task) {
        state.tasks.remove(task.id());
        NodeRuntime runtime = state.runtimes.get(task.nodeId());
        if (runtime != null && !task.status().containerId().isEmpty()) {
            runtime.remove(task.status().containerId());
        }
    }
}
