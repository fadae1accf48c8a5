package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One task: a service's slot (or, for a global service, its place on a node) carried out by one
 * container. A task never goes back: a restart, an update or a move is a new task in the same slot.
 *
 * @param id the task id
 * @param meta version and times
 * @param serviceId the service it belongs to
 * @param serviceName the service's name when the task was made, for the container's name
 * @param slot 1..replicas for a replicated service, 0..TotalCompletions-1 for a replicated job (as swarmkit numbers them), 0 for a global service or job
 * @param nodeId the node it is assigned to, empty while pending
 * @param spec the service's {@code TaskTemplate} when the task was made
 * @param desired the state the orchestrator wants it in: running, complete (a job's task), ready (waiting out a restart
 *     delay), shutdown or remove
 * @param status where it has got to
 * @param history the states it has been through, oldest first (not on the wire: for tests)
 * @param clock when it may move on, and whether its container was told to stop (not on the wire)
 * @param jobIteration the job execution it belongs to ({@link JobStatus#iteration()}), -1 for a task of a service that is no job
 */
record Task(String id, Meta meta, String serviceId, String serviceName, int slot, String nodeId, ObjectNode spec,
        TaskState desired, TaskStatus status, List<TaskState> history, TaskClock clock, long jobIteration) {

    Task {
        history = List.copyOf(history);
    }

    /** The container's name, as swarmkit names it: {@code web.1.<task id>} or {@code web.<node id>.<task id>}. */
    String containerName() {
        return serviceName + "." + (slot > 0 ? String.valueOf(slot) : nodeId) + "." + id;
    }

    TaskState state() {
        return status.state();
    }

    /** Wanted running or complete (or ready to run after a restart delay), as opposed to being shut down or removed. */
    boolean live() {
        return desired == TaskState.RUNNING || desired == TaskState.COMPLETE || desired == TaskState.READY;
    }

    /** Wanted to run now: a service's task wanted running, or a job's task wanted complete. */
    boolean wantedToRun() {
        return desired == TaskState.RUNNING || desired == TaskState.COMPLETE;
    }

    Task moved(TaskState next, TaskStatus newStatus, long index, TaskClock newClock) {
        List<TaskState> states = new ArrayList<>(history);
        states.add(next);
        return new Task(id, meta.updated(index, newStatus.timestamp()), serviceId, serviceName, slot, nodeId, spec, desired,
                newStatus, states, newClock, jobIteration);
    }

    Task withStatus(TaskStatus newStatus, long index) {
        return new Task(id, meta.updated(index, newStatus.timestamp()), serviceId, serviceName, slot, nodeId, spec, desired,
                newStatus, history, clock, jobIteration);
    }

    Task withDesired(TaskState newDesired, long index, java.time.Instant now) {
        return new Task(id, meta.updated(index, now), serviceId, serviceName, slot, nodeId, spec, newDesired, status, history, clock,
                jobIteration);
    }

    Task withNode(String newNodeId) {
        return new Task(id, meta, serviceId, serviceName, slot, newNodeId, spec, desired, status, history, clock, jobIteration);
    }

    Task withClock(TaskClock newClock) {
        return new Task(id, meta, serviceId, serviceName, slot, nodeId, spec, desired, status, history, newClock, jobIteration);
    }

    Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ID", id);
        meta.putInto(doc);
        doc.put("Labels", Map.of());
        ObjectNode shown = spec.deepCopy();
        shown.remove("Runtime");
        doc.put("Spec", shown);
        doc.put("ServiceID", serviceId);
        if (slot > 0) {
            doc.put("Slot", slot);
        }
        if (!nodeId.isEmpty()) {
            doc.put("NodeID", nodeId);
        }
        doc.put("Status", status.document());
        doc.put("DesiredState", desired.wire());
        if (jobIteration >= 0) {
            doc.put("JobIteration", Map.of("Index", jobIteration));
        }
        return doc;
    }

    /**
     * The orchestrator's timing of a task.
     *
     * @param nextStepNanos {@link System#nanoTime()} from which it may move to its next state
     * @param runAtNanos {@link System#nanoTime()} from which a task waiting out a restart delay may run
     * @param stopRequested whether its container has been told to stop
     */
    record TaskClock(long nextStepNanos, long runAtNanos, boolean stopRequested) {
        /** How late a step may be handled and the task still keep to its timeline. */
        static final long CATCH_UP_NANOS = 1_000_000_000L;

        static TaskClock after(long delayNanos) {
            long now = System.nanoTime();
            return new TaskClock(now + delayNanos, now, false);
        }

        /** A clock whose task may run (leave desired state ready) only after {@code delayNanos}: a restart delay. */
        static TaskClock restartAfter(long stepNanos, long delayNanos) {
            long now = System.nanoTime();
            return new TaskClock(now + stepNanos, now + delayNanos, false);
        }

        boolean due() {
            return System.nanoTime() - nextStepNanos >= 0;
        }

        boolean mayRun() {
            return System.nanoTime() - runAtNanos >= 0;
        }

        /**
         * The clock for the next state, {@code stepNanos} after this one fell due: a task moved
         * late because the loop was busy keeps to its timeline (and catches up one state per
         * tick), so a busy loop does not add its lateness at every step; a task that waited for
         * something other than time for longer than {@link #CATCH_UP_NANOS} (a node to take it,
         * a restart delay) starts a new timeline now.
         */
        TaskClock next(long stepNanos) {
            long now = System.nanoTime();
            long at = now - nextStepNanos <= CATCH_UP_NANOS ? nextStepNanos + stepNanos : now + stepNanos;
            return new TaskClock(at, runAtNanos, stopRequested);
        }

        TaskClock stopping() {
            return new TaskClock(nextStepNanos, runAtNanos, true);
        }
    }
}
