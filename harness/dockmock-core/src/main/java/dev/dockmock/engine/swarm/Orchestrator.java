package dev.dockmock.engine.swarm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The swarm's control loop, as swarmkit's orchestrators, scheduler and agents together: keeps
 * each replicated service at its replica count and each global service on every eligible node,
 * restarting tasks and taking them off drained nodes ({@link ServiceReconciler}), runs job
 * services to completion ({@link JobReconciler}), rolls updates out ({@link RollingUpdate}),
 * places tasks ({@link Scheduler}), moves them along ({@link TaskRunner}), forgets old ones beyond
 * the task history limit ({@link TaskReaper}) and has the routing mesh follow ({@link RoutingMesh}).
 * Runs on its own thread, holding the cluster's lock while it works; it wakes on every change to
 * the engine, when a task's next step falls due, and every tick.
 */
final class Orchestrator implements Runnable {
    private final ClusterState state;
    private final TaskRunner runner;
    private final RollingUpdate updates;
    private final JobReconciler jobs;
    private final ServiceReconciler services;
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
        this.services = new ServiceReconciler(state, this);
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
        int visited = 0;
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
            visited++;
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
        if (reconcile || visited > 0) {
            state.mesh().sync();
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
            services.reconcile(service, tasks);
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

    /**
     * A task waiting out its restart delay: wanted {@code wanted} (running, or complete for a
     * job's task) once the delay is over, and reconciled again then.
     */
    void runWhenDue(Task task, TaskState wanted) {
        if (task.clock().mayRun()) {
            TaskChanges.setDesired(state, task, wanted);
        } else {
            reconcileAtNanos = Math.min(reconcileAtNanos, task.clock().runAtNanos());
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
