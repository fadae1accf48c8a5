package dev.dockmock.engine.swarm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places the tasks that fell due in the pending state in one go, as swarmkit's scheduler batches
 * them: a global service's task on the node it was made for, a replicated service's tasks per
 * set of constraints in one pass over the nodes ({@link Scheduler#placeBatch}), in slot order.
 */
final class PendingTasks {

    /** Where one task goes, or why it stays pending. */
    record Decision(Task task, Scheduler.Placement placement) {
    }

    private PendingTasks() {
    }

    /** Decides for every task of {@code pending}; call with the lock held. */
    static List<Decision> place(List<Task> pending, ClusterState state) {
        List<Decision> decisions = new ArrayList<>();
        if (pending.isEmpty()) {
            return decisions;
        }
        Scheduler.Load load = Scheduler.Load.of(state.tasks.values());
        Map<Group, List<Task>> groups = new LinkedHashMap<>();
        for (Task task : pending) {
            List<String> constraints = Scheduler.constraints(task.spec());
            if (task.nodeId().isEmpty()) {
                groups.computeIfAbsent(new Group(task.serviceId(), constraints, Scheduler.spreads(task.spec())),
                        k -> new ArrayList<>()).add(task);
            } else {
                Scheduler.Placement placement = Scheduler.placeOn(state.nodes.get(task.nodeId()), constraints);
                if (!placement.nodeId().isEmpty()) {
                    load.add(placement.nodeId(), task.serviceId());
                }
                decisions.add(new Decision(task, placement));
            }
        }
        for (Map.Entry<Group, List<Task>> group : groups.entrySet()) {
            List<Task> tasks = group.getValue();
            tasks.sort(Comparator.comparingInt(Task::slot).thenComparing(Task::id));
            Group key = group.getKey();
            List<Scheduler.Placement> placements = key.spreads().isEmpty()
                    ? Scheduler.placeBatch(key.serviceId(), key.constraints(), tasks.size(), state.nodes.values(), load)
                    : SpreadPlacement.place(key.serviceId(), key.constraints(), key.spreads(), tasks.size(),
                            state.nodes.values(), load);
            for (int i = 0; i < tasks.size(); i++) {
                decisions.add(new Decision(tasks.get(i), placements.get(i)));
            }
        }
        return decisions;
    }

    /** Tasks that are placed alike: of one service, with the same constraints and preferences. */
    private record Group(String serviceId, List<String> constraints, List<String> spreads) {
    }
}
