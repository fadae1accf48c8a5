package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The swarm's control loop, as swarmkit's orchestrators, scheduler and agents together: keeps
 * each replicated service at its replica count and each global service on every eligible node,
 * restarts tasks as their restart policy says, takes tasks off drained nodes, rolls updates out
 * ({@link RollingUpdate}), places tasks ({@link Scheduler}), moves them along ({@link TaskRunner})
 * and forgets old ones beyond the task history limit. Runs on its own thread, holding the
 * cluster's lock while it works; it wakes on every change to the engine and every tick.
 */
final class Orchestrator implements Runnable {
    private final ClusterState state;
    private final TaskRunner runner;
    private final RollingUpdate updates;
    /** Slots whose restart policy said to stop, by service, with the task template they gave up on. */
    private final Map<String, Map<String, ObjectNode>> givenUp = new HashMap<>();
    /** How many live tasks each node runs, counted once per tick when a task is to be placed. */
    private Scheduler.Load load;
    private Thread thread;
    private boolean stopped;

    Orchestrator(ClusterState state) {
        this.state = state;
        this.runner = new TaskRunner(state);
        this.updates = new RollingUpdate(state, this);
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
                    // one bad object must not stop the swarm: the next tick tries again
                }
                try {
                    state.lock().wait(Math.max(1, state.timing().tick().toMillis()));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** One pass over the cluster; call with the lock held. */
    void tick() {
        Map<String, List<Task>> byService = state.tasksByService();
        for (SwarmService service : new ArrayList<>(state.services.values())) {
            List<Task> tasks = byService.getOrDefault(service.id(), List.of());
            if (service.global()) {
                reconcileGlobal(service, tasks);
            } else {
                reconcileReplicated(service, tasks);
            }
            // tasks created just now carry the current template, so they are never part of a rollout
            updates.step(state.services.get(service.id()), tasks);
        }
        load = null;
        for (Task task : new ArrayList<>(state.tasks.values())) {
            Task next = advance(task);
            if (next != task) {
                state.tasks.put(next.id(), next);
            }
        }
        new TaskReaper(state).reap();
    }

    private Task advance(Task task) {
        if (task.live() && task.clock().due() && task.state() == TaskState.NEW) {
            return runner.move(task, TaskState.PENDING);
        }
        if (task.live() && task.clock().due() && task.state() == TaskState.PENDING) {
            if (load == null) {
                load = Scheduler.Load.of(state.tasks.values());
            }
            Scheduler.Placement placement = Scheduler.place(task, state.nodes.values(), load);
            if (!placement.nodeId().isEmpty()) {
                load.add(placement.nodeId(), task.serviceId());
                return runner.move(task.withNode(placement.nodeId()), TaskState.ASSIGNED);
            }
            return placement.err().equals(task.status().err()) ? task
                    : task.withStatus(task.status().withErr(placement.err()), state.nextIndex());
        }
        return runner.advance(task);
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
            } else if (task.desired() == TaskState.READY && task.clock().mayRun()) {
                setDesired(task, TaskState.RUNNING);
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
            } else if (task.desired() == TaskState.READY && task.clock().mayRun()) {
                setDesired(task, TaskState.RUNNING);
            }
        }
        for (SwarmNode node : new ArrayList<>(state.nodes.values())) {
            if (!live.containsKey(node.id()) && node.schedulable() && Scheduler.satisfies(node, constraints)
                    && !gaveUp(service, node.id())) {
                create(service, 0, node.id(), TaskState.RUNNING, Task.TaskClock.after(stepNanos()));
            }
        }
    }

    /** Whether tasks may stay on {@code node}: it is in the swarm, up, and not drained (a paused node keeps its tasks). */
    private static boolean keeps(SwarmNode node) {
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
        Instant now = state.now();
        Task task = new Task(state.ids().next(), Meta.created(state.nextIndex(), now), service.id(), service.name(), slot, nodeId,
                service.taskTemplate().deepCopy(), desired, TaskStatus.of(TaskState.NEW, now), List.of(TaskState.NEW), clock);
        state.tasks.put(task.id(), task);
        return task;
    }

    void setDesired(Task task, TaskState desired) {
        Task current = state.tasks.get(task.id());
        if (current != null && current.desired() != desired) {
            state.tasks.put(task.id(), current.withDesired(desired, state.nextIndex(), state.now()));
        }
    }

    long stepNanos() {
        return state.timing().step().toNanos();
    }
}
