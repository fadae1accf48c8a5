package dev.dockmock.engine.swarm;

import java.time.Instant;
import java.util.List;

/** The two changes the control loop makes to tasks besides moving them along: making one, and changing the state it is wanted in. */
final class TaskChanges {

    private TaskChanges() {
    }

    /** A new task of {@code service}: in {@code slot} (replicated) or on {@code nodeId} (global). */
    static Task create(ClusterState state, SwarmService service, int slot, String nodeId, TaskState desired, Task.TaskClock clock) {
        return create(state, service, slot, nodeId, desired, clock, -1);
    }

    /** A new task of {@code service}, of job execution {@code jobIteration} (-1: the service is no job). */
    static Task create(ClusterState state, SwarmService service, int slot, String nodeId, TaskState desired, Task.TaskClock clock,
            long jobIteration) {
        Instant now = state.now();
        Task task = new Task(state.ids().next(), Meta.created(state.nextIndex(), now), service.id(), service.name(), slot, nodeId,
                service.taskTemplate().deepCopy(), desired, TaskStatus.of(TaskState.NEW, now), List.of(TaskState.NEW), clock,
                jobIteration);
        state.tasks.put(task.id(), task);
        return task;
    }

    /** Wants {@code task} in state {@code desired} from now on, unless it is gone or wanted so already. */
    static void setDesired(ClusterState state, Task task, TaskState desired) {
        Task current = state.tasks.get(task.id());
        if (current != null && current.desired() != desired) {
            state.tasks.put(task.id(), current.withDesired(desired, state.nextIndex(), state.now()));
        }
    }
}
