package dev.dockmock.engine.swarm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which tasks the control loop must look at, so that a tick visits only those rather than every
 * task: tasks whose next step falls due (a queue ordered by due time, in buckets of a millisecond), and tasks watched on every
 * tick because what they wait for is not a time (a container of a real engine that may exit, a
 * container being stopped, a task no node can take yet). A task that runs on a simulated node
 * needs neither: nothing happens to it until the orchestrator changes it, and every change to a
 * task brings it back (see {@link ClusterState#takeTouchedTasks()}).
 */
final class TaskAgenda {
    /**
     * Due steps by the millisecond they fall due in ({@link System#nanoTime()} rounded up to a
     * whole millisecond, so never early): tasks moved together fall due together and are queued
     * and taken as one bucket, which a heap of single tasks would sort one by one.
     */
    private static final long BUCKET_NANOS = 1_000_000;

    private final TreeMap<Long, List<String>> queue = new TreeMap<>();
    /** The bucket queued for each task; queue entries that disagree are stale and skipped. */
    private final Map<String, Long> scheduled = new HashMap<>();
    private final Set<String> watched = new LinkedHashSet<>();

    /**
     * The tasks to look at now, in order: {@code touched} (changed since the last tick), those
     * whose step is due, and the watched ones.
     */
    Set<String> visits(Set<String> touched) {
        Set<String> visits = new LinkedHashSet<>(touched);
        long now = System.nanoTime();
        while (!queue.isEmpty() && now - queue.firstKey() >= 0) {
            Map.Entry<Long, List<String>> bucket = queue.pollFirstEntry();
            for (String id : bucket.getValue()) {
                Long current = scheduled.get(id);
                if (current != null && current.longValue() == bucket.getKey()) {
                    scheduled.remove(id);
                    visits.add(id);
                }
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
                if (task.wantedToRun()) {
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
            long bucket = nanos - Math.floorMod(nanos, BUCKET_NANOS) + (Math.floorMod(nanos, BUCKET_NANOS) == 0 ? 0 : BUCKET_NANOS);
            scheduled.put(task.id(), bucket);
            queue.computeIfAbsent(bucket, k -> new ArrayList<>()).add(task.id());
        }
    }

    /** Drops a task that is gone. */
    void forget(String taskId) {
        watched.remove(taskId);
        scheduled.remove(taskId);
    }

    /**
     * Nanoseconds until the next queued step is due (0 if one is), or {@code Long.MAX_VALUE} when
     * none is queued. A bucket whose tasks all moved on since may wake the loop for nothing once.
     */
    long nanosUntilNext() {
        return queue.isEmpty() ? Long.MAX_VALUE : Math.max(0, queue.firstKey() - System.nanoTime());
    }

    /** How many tasks are watched on every tick, for tests. */
    int watchedCount() {
        return watched.size();
    }
}
