package dev.dockmock.engine.swarm;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Which tasks the control loop must look at, so that a tick visits only those rather than every
 * task: tasks whose next step falls due (a queue ordered by due time), and tasks watched on every
 * tick because what they wait for is not a time (a container of a real engine that may exit, a
 * container being stopped, a task no node can take yet). A task that runs on a simulated node
 * needs neither: nothing happens to it until the orchestrator changes it, and every change to a
 * task brings it back (see {@link ClusterState#takeTouchedTasks()}).
 */
final class TaskAgenda {
    /** One task's next step, due at {@code nanos} ({@link System#nanoTime()}). */
    private record Due(long nanos, String taskId) implements Comparable<Due> {
        @Override
        public int compareTo(Due other) {
            return Long.compare(nanos, other.nanos);
        }
    }

    private final PriorityQueue<Due> queue = new PriorityQueue<>();
    /** The due time queued for each task; queue entries that disagree are stale and skipped. */
    private final Map<String, Long> scheduled = new HashMap<>();
    private final Set<String> watched = new LinkedHashSet<>();

    /**
     * The tasks to look at now, in order: {@code touched} (changed since the last tick), those
     * whose step is due, and the watched ones.
     */
    Set<String> visits(Set<String> touched) {
        Set<String> visits = new LinkedHashSet<>(touched);
        long now = System.nanoTime();
        while (!queue.isEmpty() && now - queue.peek().nanos() >= 0) {
            Due due = queue.poll();
            Long current = scheduled.get(due.taskId());
            if (current != null && current == due.nanos()) {
                scheduled.remove(due.taskId());
                visits.add(due.taskId());
            }
        }
        visits.addAll(watched);
        return visits;
    }

    /**
     * Files {@code task} by what it waits for next.
     *
     * @param simulated whether it runs on a simulated node, whose containers change only when told to
     */
    void track(Task task, boolean simulated) {
        String id = task.id();
        watched.remove(id);
        scheduled.remove(id);
        if (task.state().terminal()) {
            return;
        }
        if (!task.live()) {
            watched.add(id);   // being shut down: its container is stopping
            return;
        }
        switch (task.state()) {
            case RUNNING -> {
                if (!simulated) {
                    watched.add(id);   // a real container may exit at any time
                }
            }
            case STARTING -> {
                if (simulated) {
                    at(task);
                } else {
                    watched.add(id);
                }
            }
            // waiting out a restart delay: the orchestrator's reconcile lets it run
            case READY -> {
                if (task.desired() == TaskState.RUNNING) {
                    at(task);
                }
            }
            default -> at(task);
        }
    }

    private void at(Task task) {
        if (task.clock().due()) {
            watched.add(task.id());   // due already, or waiting for a node that can take it
        } else {
            long nanos = task.clock().nextStepNanos();
            scheduled.put(task.id(), nanos);
            queue.add(new Due(nanos, task.id()));
        }
    }

    /** Drops a task that is gone. */
    void forget(String taskId) {
        watched.remove(taskId);
        scheduled.remove(taskId);
    }

    /** Nanoseconds until the next queued step is due (0 if one is), or {@code Long.MAX_VALUE} when none is queued. */
    long nanosUntilNext() {
        while (!queue.isEmpty() && !Long.valueOf(queue.peek().nanos()).equals(scheduled.get(queue.peek().taskId()))) {
            queue.poll();   // stale
        }
        return queue.isEmpty() ? Long.MAX_VALUE : Math.max(0, queue.peek().nanos() - System.nanoTime());
    }

    /** How many tasks are watched on every tick, for tests. */
    int watchedCount() {
        return watched.size();
    }
}
