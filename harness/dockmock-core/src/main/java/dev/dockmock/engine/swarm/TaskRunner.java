package dev.dockmock.engine.swarm;

import dev.dockmock.engine.networks.SharedNetwork;
import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves tasks along as a node's agent would: accepted, preparing (image fetched, container
 * created, its secrets and configs mounted), ready, starting, running; then watches the container and reports how it ended; and
 * shuts tasks down when the orchestrator no longer wants them. Placement (pending to assigned) is
 * the {@link Scheduler}'s. Called with the cluster's lock held.
 */
final class TaskRunner {
    private final ClusterState state;

    TaskRunner(ClusterState state) {
        this.state = state;
    }

    /** The task after at most one step; the same task when nothing is due. */
    Task advance(Task task) {
        if (!task.live()) {
            return shutDown(task);
        }
        if (task.state().terminal()) {
            return task;
        }
        if (task.state() == TaskState.RUNNING || task.state() == TaskState.STARTING) {
            return watch(task);
        }
        if (!task.clock().due() || task.nodeId().isEmpty()) {
            return task;
        }
        NodeRuntime runtime = state.runtimes.get(task.nodeId());
        if (runtime == null) {
            return fail(task, TaskState.ORPHANED, "node " + task.nodeId() + " has left the swarm");
        }
        return switch (task.state()) {
            case ASSIGNED -> move(task, TaskState.ACCEPTED);
            case ACCEPTED -> move(task, TaskState.PREPARING);
            case PREPARING -> prepare(task, runtime);
            case READY -> task.wantedToRun() ? start(task, runtime) : task;
            default -> task;
        };
    }

    private Task prepare(Task task, NodeRuntime runtime) {
        String image = task.spec().path("ContainerSpec").path("Image").asText();
        try {
            runtime.fetchImage(image);
            Optional<SharedNetwork> ingress = ingress(task);
            List<SharedNetwork> networks = new ArrayList<>(state.networks.of(task.spec()));
            ingress.ifPresent(n -> networks.add(0, n));
            String id = runtime.create(task.containerName(), TaskContainers.createBody(task, task.nodeId(),
                    ingress.flatMap(n -> state.networks.ref(n.id())), state.networks::ref), networks);
            runtime.mount(id, TaskFiles.of(task, state));
            Task created = task.withStatus(task.status().withContainer(id, 0, 0), task.meta().index());
            return move(created, TaskState.READY);
        } catch (DockerException e) {
            return fail(task, TaskState.REJECTED, e.getMessage());
        }
    }

    /** The swarm's {@code ingress} network when the task's service publishes a port through the routing mesh. */
    private Optional<SharedNetwork> ingress(Task task) {
        SwarmService service = state.services.get(task.serviceId());
        return service != null && VirtualIps.needsIngress(service.spec()) ? state.networks.ingress() : Optional.empty();
    }

    private Task start(Task task, NodeRuntime runtime) {
        try {
            runtime.start(task.status().containerId());
            return move(task, TaskState.STARTING);
        } catch (DockerException e) {
            return fail(task, TaskState.FAILED, e.getMessage());
        }
    }

    /** A started task: running once its process runs and a step has passed; complete or failed once it exits. */
    private Task watch(Task task) {
        NodeRuntime runtime = state.runtimes.get(task.nodeId());
        Optional<NodeRuntime.ContainerView> view = runtime == null ? Optional.empty() : runtime.inspect(task.status().containerId());
        if (view.isEmpty()) {
            return fail(task, TaskState.FAILED, "task: container " + task.status().containerId() + " is gone");
        }
        NodeRuntime.ContainerView container = view.get();
        if (!container.up() && container.exits() > 0) {
            TaskStatus ended = task.status().withContainer(task.status().containerId(), 0, container.exitCode());
            Task withExit = task.withStatus(ended, task.meta().index());
            return container.exitCode() == 0 ? move(withExit, TaskState.COMPLETE)
                    : fail(withExit, TaskState.FAILED, "task: non-zero exit (" + container.exitCode() + ")");
        }
        if (task.state() == TaskState.STARTING && container.up() && task.clock().due()) {
            Task withPid = task.withStatus(task.status().withContainer(task.status().containerId(), container.pid(), 0),
                    task.meta().index());
            return move(withPid, TaskState.RUNNING);
        }
        return task;
    }

    /** A task no longer wanted: its container told to stop, and the task shut down once it has. */
    private Task shutDown(Task task) {
        if (task.state().terminal()) {
            return task;
        }
        String containerId = task.status().containerId();
        NodeRuntime runtime = state.runtimes.get(task.nodeId());
        if (containerId.isEmpty() || runtime == null) {
            return move(task, TaskState.SHUTDOWN);
        }
        Optional<NodeRuntime.ContainerView> view = runtime.inspect(containerId);
        if (view.isEmpty() || !view.get().up()) {
            int code = view.map(NodeRuntime.ContainerView::exitCode).orElse(0);
            Task ended = task.withStatus(task.status().withContainer(containerId, 0, code), task.meta().index());
            return move(ended, TaskState.SHUTDOWN);
        }
        if (!task.clock().stopRequested()) {
            runtime.stop(containerId, TaskContainers.graceSeconds(task));
            return task.withClock(task.clock().stopping());
        }
        return task;
    }

    Task move(Task task, TaskState next) {
        long step = state.timing().step().toNanos();
        return task.moved(next, task.status().moved(next, state.now()), state.nextIndex(), task.clock().next(step));
    }

    private Task fail(Task task, TaskState next, String err) {
        Task moved = move(task, next);
        return moved.withStatus(moved.status().withErr(err), moved.meta().index());
    }
}
