package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rolls a changed task template out as swarmkit's updater does: tasks whose spec differs from the
 * service's are replaced {@code Parallelism} at a time (all at once for 0), each batch after the
 * last one runs and {@code Delay} (scaled) has passed; a replacement that fails applies the
 * {@code FailureAction} (pause, continue or rollback). The update is declared complete once the
 * last replacement has run for the monitor period (scaled, and never less than
 * {@link SwarmTiming#completionFloor()}). Stop-first order only: the old task is told to stop as
 * its replacement is made.
 */
final class RollingUpdate {
    private static final long DEFAULT_MONITOR_NANOS = 5_000_000_000L;

    private final ClusterState state;
    private final Orchestrator orchestrator;
    private final Map<String, Run> runs = new HashMap<>();

    /** One service's update in progress: the template it rolls out, and the replacements not yet running. */
    private static final class Run {
        final ObjectNode template;
        final Set<String> inFlight = new LinkedHashSet<>();
        /** Tasks already found to carry {@link #template}: a task's spec never changes, so one deep comparison each is enough. */
        final Set<String> current = new java.util.HashSet<>();
        long nextBatchNanos = System.nanoTime();
        long lastRunningNanos = System.nanoTime();

        Run(ObjectNode template) {
            this.template = template;
        }
    }

    private static boolean carries(Run run, Task task) {
        if (run.current.contains(task.id())) {
            return true;
        }
        if (task.spec().equals(run.template)) {
            run.current.add(task.id());
            return true;
        }
        return false;
    }

    RollingUpdate(ClusterState state, Orchestrator orchestrator) {
        this.state = state;
        this.orchestrator = orchestrator;
    }

    /**
     * @param tasks the service's tasks as the tick began; their current versions are looked up
     * @return whether the update waits for time to pass (a delay, the monitor period), so that the
     *     orchestrator looks again on its next tick though nothing changes
     */
    boolean step(SwarmService service, List<Task> tasks) {
        if (service == null) {
            return false;
        }
        ObjectNode template = service.taskTemplate();
        Run run = runs.get(service.id());
        if (run == null || !run.template.equals(template)) {
            run = new Run(template);
            runs.put(service.id(), run);
        }
        Run currentRun = run;
        List<Task> dirty = new ArrayList<>(tasks.stream().map(t -> state.tasks.get(t.id())).filter(java.util.Objects::nonNull)
                .filter(t -> t.live() && !t.state().terminal() && !carries(currentRun, t)).toList());
        dirty.sort(Comparator.comparing(ServiceReconciler::slotKey));
        UpdateStatus status = service.updateStatus();
        long now = System.nanoTime();
        if (dirty.isEmpty() && run.inFlight.isEmpty()) {
            if (status != null && status.inProgress() && now - run.lastRunningNanos >= completionLag(service)) {
                setStatus(service, status.ended(status.rollback() ? UpdateStatus.ROLLBACK_COMPLETED : UpdateStatus.COMPLETED,
                        status.rollback() ? "rollback completed" : "update completed", state.now()));
                return false;
            }
            return status != null && status.inProgress();
        }
        if (status != null && !status.inProgress()
                && (status.state().equals(UpdateStatus.PAUSED) || status.state().equals(UpdateStatus.ROLLBACK_PAUSED))) {
            return false;
        }
        if (status == null || !status.inProgress()) {
            status = new UpdateStatus(UpdateStatus.UPDATING, state.now(), null, "update in progress");
            service = setStatus(service, status);
        }
        for (String id : new ArrayList<>(run.inFlight)) {
            Task task = state.tasks.get(id);
            if (task == null || task.state().terminal()) {
                if (!failed(service, run, id)) {
                    return true;
                }
            } else if (task.state() == TaskState.RUNNING) {
                run.inFlight.remove(id);
                run.lastRunningNanos = now;
                if (run.inFlight.isEmpty()) {
                    run.nextBatchNanos = now + state.timing().scaledNanos(config(service).path("Delay").asLong(0));
                }
            }
        }
        if (!run.inFlight.isEmpty() || now - run.nextBatchNanos < 0) {
            return true;
        }
        int parallelism = config(service).path("Parallelism").asInt(1);
        int batch = parallelism <= 0 ? dirty.size() : Math.min(parallelism, dirty.size());
        for (Task old : dirty.subList(0, batch)) {
            TaskChanges.setDesired(state, old, TaskState.SHUTDOWN);
            Task fresh = TaskChanges.create(state, service, old.slot(), service.global() ? old.nodeId() : "", TaskState.RUNNING,
                    Task.TaskClock.after(orchestrator.stepNanos()));
            run.inFlight.add(fresh.id());
        }
        return true;
    }

    /**
     * A replacement ended before it ran: the failure action decides.
     *
     * @return true when the update goes on
     */
    private boolean failed(SwarmService service, Run run, String taskId) {
        String action = config(service).path("FailureAction").asText("pause");
        UpdateStatus status = service.updateStatus();
        if (action.equals("continue")) {
            run.inFlight.remove(taskId);
            return true;
        }
        if (action.equals("rollback") && !status.rollback() && service.previousSpec() != null) {
            ObjectNode previous = service.previousSpec();
            UpdateStatus rolling = new UpdateStatus(UpdateStatus.ROLLBACK_STARTED, state.now(), null,
                    "update rolled back due to failure or early termination of task " + taskId);
            SwarmService swapped = service.withSpec(previous, service.spec(), rolling, service.endpoint(), service.meta());
            state.services.put(service.id(), swapped);
            publish(swapped, status.state(), rolling.state());
            return false;
        }
        String what = status.rollback() ? "rollback" : "update";
        setStatus(service, status.ended(status.rollback() ? UpdateStatus.ROLLBACK_PAUSED : UpdateStatus.PAUSED,
                what + " paused due to failure or early termination of task " + taskId, null));
        return false;
    }

    private JsonNode config(SwarmService service) {
        return service.updateConfig();
    }

    private long completionLag(SwarmService service) {
        JsonNode monitor = config(service).path("Monitor");
        long nanos = monitor.isNumber() && monitor.asLong() > 0 ? monitor.asLong() : DEFAULT_MONITOR_NANOS;
        return Math.max(state.timing().scaledNanos(nanos), state.timing().completionFloor().toNanos());
    }

    /**
     * Records the new status with the service's version unchanged: swarmkit bumps it, but a client
     * that read the service a moment before would then be refused its next update as out of
     * sequence, which with dockmock's short waits would happen far more often than with a real swarm.
     */
    private SwarmService setStatus(SwarmService service, UpdateStatus status) {
        String before = service.updateStatus() == null ? "" : service.updateStatus().state();
        SwarmService changed = service.withUpdateStatus(status, service.meta());
        state.services.put(service.id(), changed);
        publish(changed, before, status.state());
        return changed;
    }

    private void publish(SwarmService service, String before, String after) {
        Map<String, String> changes = new java.util.LinkedHashMap<>();
        if (!before.isEmpty()) {
            changes.put("updatestate.old", before);
        }
        changes.put("updatestate.new", after);
        state.events().publish("service", "update", service.id(), service.name(), changes);
    }
}
