package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The swarm's control loop, as swarmkit's orchestrators, scheduler and agents together: keeps
 * each replicated service at its replica count and each global service on every eligible node,
 * runs job services to completion ({@link JobReconciler}), restarts tasks as their restart policy says, takes tasks off drained nodes, rolls updates out
 * ({@link RollingUpdate}), places tasks ({@link Scheduler}), moves them along ({@link TaskRunner})
 * and forgets old ones beyond the task history limit. Runs on its own thread, holding the
 * cluster's lock while it works; it wakes on every change to the engine, when a task's next step
 * falls due, and every tick.
 */
final class Orchestrator implements Runnable {
    private final ClusterState state;
    private final TaskRunner runner;
    private final RollingUpdate updates;
    private final JobReconciler jobs;
    /** Slots whose restart policy said to stop, by service, with the task template they gave up on. */
    private final Map<String, Map<String, ObjectNode>> givenUp = new HashMap<>();
    private final TaskAgenda agenda = new TaskAgenda();
    /** {@link ClusterState#changes()} when the services were last reconciled. */
    private long seenChanges = -1;
    /** When the services must be reconciled again though nothing changed (a restart delay ends, an update waits), or never. */
    private long reconcileAtNanos = Long.MAX_VALUE;
    private Thread thread;
    private boolean stopped;

    Orchestrator(ClusterState state) {
        this.state = state;
        this.runner = new TaskRunner(state);
        this.updates = new RollingUpdate(state, this);
        this.jobs = new JobReconciler(state, this);
    }

    /** Starts the loop on a daemon thread. */
    void start() {
        thread = new Thread(this, "dockmock-swarm-orchestrator");
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends the loop; call with the lock held. */
    void stop() {
        stopped = true;
        state.lock().notifyAll();
    }

    @Override
    public void run() {
        synchronized (state.lock()) {
            while (!stopped) {
                try {
                    tick();
                } catch (RuntimeException e) {
                    // one bad object must not stop the swarm: the next tick looks at everything again
                    seenChanges = -1;
                }
                try {
                    state.lock().wait(waitMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Until the next task step falls due, at most a tick (real containers are polled once a tick), at least 1 ms. */
    private long waitMillis() {
        long tick = state.timing().tick().toNanos();
        long until = Math.min(tick, agenda.nanosUntilNext());
        if (reconcileAtNanos != Long.MAX_VALUE) {
            until = Math.min(until, Math.max(0, reconcileAtNanos - System.nanoTime()));
        }
        return Math.max(1, (until + 999_999) / 1_000_000);
    }

    /**
     * One pass; call with the lock held. The services are reconciled only when the cluster
     * changed or a wait they depend on ends; only tasks that changed, fell due or are watched are
     * moved along ({@link TaskAgenda}), so an idle swarm costs next to nothing however large.
     */
    void tick() {
        Set<String> touched = state.takeTouchedTasks();
        if (seenChanges < 0) {
            touched.addAll(state.tasks.keySet());   // a new leader's loop, or one after a failed tick: file every task afresh
        }
        long changesBefore = state.changes();
        boolean reconcile = changesBefore != seenChanges || System.nanoTime() - reconcileAtNanos >= 0;
        if (reconcile) {
            seenChanges = changesBefore;
            reconcileAtNanos = Long.MAX_VALUE;
            reconcile();
        }
        touched.addAll(state.takeTouchedTasks());
        List<Task> pending = new ArrayList<>();
        for (String id : agenda.visits(touched)) {
            Task task = state.tasks.get(id);
            if (task == null) {
                agenda.forget(id);
            } else if (task.live() && task.clock().due() && task.state() == TaskState.PENDING) {
                pending.add(task);
            } else {
                Task next = task.live() && task.clock().due() && task.state() == TaskState.NEW
                        ? runner.move(task, TaskState.PENDING) : runner.advance(task);
                settle(task, next);
            }
        }
        place(pending);
        // every task changed since the visits began has been filed again already
        state.takeTouchedTasks();
        if (reconcile || state.changes() != changesBefore) {
            new TaskReaper(state).reap();
        }
    }

    private void reconcile() {
        Map<String, List<Task>> byService = state.tasksByService();
        for (SwarmService service : new ArrayList<>(state.services.values())) {
            List<Task> tasks = byService.getOrDefault(service.id(), List.of());
            if (service.job()) {
                jobs.reconcile(service, tasks);   // a job is never rolled out: its update starts a new execution
                continue;
            }
            if (service.global()) {
                reconcileGlobal(service, tasks);
            } else {
                reconcileReplicated(service, tasks);
            }
            // tasks created just now carry the current template, so they are never part of a rollout
            if (updates.step(state.services.get(service.id()), tasks)) {
                reconcileAtNanos = System.nanoTime();
            }
        }
    }

    /** Pending tasks placed together: a replicated service's tasks in one pass over the nodes per set of constraints. */
    private void place(List<Task> pending) {
        for (PendingTasks.Decision decision : PendingTasks.place(pending, state)) {
            assign(decision.task(), decision.placement());
        }
    }

    private void assign(Task task, Scheduler.Placement placement) {
        if (!placement.nodeId().isEmpty()) {
            settle(task, runner.move(task.withNode(placement.nodeId()), TaskState.ASSIGNED));
        } else {
            settle(task, placement.err().equals(task.status().err()) ? task
                    : task.withStatus(task.status().withErr(placement.err()), state.nextIndex()));
        }
    }

    /** Stores {@code next} if it differs from {@code task} and files it by what it waits for. */
    private void settle(Task task, Task next) {
        if (next != task) {
            state.tasks.put(next.id(), next);
        }
        agenda.track(next, state.runtimes.get(next.nodeId()) instanceof SimulatedNodeRuntime);
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
                setDesired(task, TaskState.REMOVE);
            } else if (task.state().terminal()) {
                restart(service, task);
            } else if (!task.nodeId().isEmpty() && !keeps(node)) {
                setDesired(task, TaskState.SHUTDOWN);
            } else if (task.desired() == TaskState.READY) {
                runWhenDue(task, TaskState.RUNNING);
            }
        }
        for (int slot = 1; slot <= replicas; slot++) {
            if (!live.containsKey(slot) && !gaveUp(service, String.valueOf(slot))) {
                create(service, slot, "", TaskState.RUNNING, Task.TaskClock.after(stepNanos()));
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
                setDesired(task, TaskState.SHUTDOWN);
            } else if (task.state().terminal()) {
                restart(service, task);
            } else if (task.desired() == TaskState.READY) {
                runWhenDue(task, TaskState.RUNNING);
            }
        }
        for (SwarmNode node : new ArrayList<>(state.nodes.values())) {
            if (!live.containsKey(node.id()) && node.schedulable() && Scheduler.satisfies(node, constraints)
                    && !gaveUp(service, node.id())) {
                create(service, 0, node.id(), TaskState.RUNNING, Task.TaskClock.after(stepNanos()));
            }
        }
    }

    /**
     * A task waiting out its restart delay: wanted {@code wanted} (running, or complete for a
     * job's task) once the delay is over, and reconciled again then.
     */
    void runWhenDue(Task task, TaskState wanted) {
        if (task.clock().mayRun()) {
            setDesired(task, wanted);
        } else {
            reconcileAtNanos = Math.min(reconcileAtNanos, task.clock().runAtNanos());
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
        setDesired(dead, TaskState.SHUTDOWN);
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
        create(service, dead.slot(), service.global() ? dead.nodeId() : "", TaskState.READY,
                Task.TaskClock.restartAfter(stepNanos(), state.timing().scaledNanos(delay)));
    }

    private boolean gaveUp(SwarmService service, String key) {
        ObjectNode template = givenUp.getOrDefault(service.id(), Map.of()).get(key);
        return template != null && template.equals(service.taskTemplate());
    }

    static String slotKey(Task task) {
        return task.slot() > 0 ? String.valueOf(task.slot()) : task.nodeId();
    }

    /** A new task of {@code service}: in {@code slot} (replicated) or on {@code nodeId} (global). */
    Task create(SwarmService service, int slot, String nodeId, TaskState desired, Task.TaskClock clock) {
        return create(service, slot, nodeId, desired, clock, -1);
    }

    /** A new task of {@code service}, of job execution {@code jobIteration} (-1: the service is no job). */
    Task create(SwarmService service, int slot, String nodeId, TaskState desired, Task.TaskClock clock, long jobIteration) {
        Instant now = state.now();
        Task task = new Task(state.ids().next(), Meta.created(state.nextIndex(), now), service.id(), service.name(), slot, nodeId,
                service.taskTemplate().deepCopy(), desired, TaskStatus.of(TaskState.NEW, now), List.of(TaskState.NEW), clock,
                jobIteration);
        state.tasks.put(task.id(), task);
        return task;
    }

    void setDesired(Task task, TaskState desired) {
        Task current = state.tasks.get(task.id());
        if (current != null && current.desired() != desired) {
            state.tasks.put(task.id(), current.withDesired(desired, state.nextIndex(), state.now()));
        }
    }

    /** How many tasks the loop looks at on every tick whatever the time; for tests. */
    int watchedTasks() {
        return agenda.watchedCount();
    }

    long stepNanos() {
        return state.timing().step().toNanos();
    }
}
