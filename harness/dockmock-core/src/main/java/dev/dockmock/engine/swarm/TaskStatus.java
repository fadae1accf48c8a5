package dev.dockmock.engine.swarm;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a task has got to, as {@code Status} in the task document.
 *
 * @param timestamp when it reached {@code state}
 * @param state the observed state
 * @param message swarmkit's message for the state
 * @param err why it failed or waits, empty when nothing went wrong
 * @param containerId the container that runs it, empty before one is created
 * @param pid the container's process id while it runs
 * @param exitCode the container's exit code once it has ended
 */
record TaskStatus(Instant timestamp, TaskState state, String message, String err, String containerId, int pid, int exitCode) {

    static TaskStatus of(TaskState state, Instant now) {
        return new TaskStatus(now, state, state.message(), "", "", 0, 0);
    }

    /** The status in {@code next}: a new state starts with no error. */
    TaskStatus moved(TaskState next, Instant now) {
        return new TaskStatus(now, next, next.message(), "", containerId, pid, exitCode);
    }

    TaskStatus withErr(String newErr) {
        return new TaskStatus(timestamp, state, message, newErr, containerId, pid, exitCode);
    }

    TaskStatus withContainer(String id, int newPid, int code) {
        return new TaskStatus(timestamp, state, message, err, id, newPid, code);
    }

    Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Timestamp", timestamp.toString());
        doc.put("State", state.wire());
        doc.put("Message", message);
        if (!err.isEmpty()) {
            doc.put("Err", err);
        }
        if (!containerId.isEmpty()) {
            Map<String, Object> container = new LinkedHashMap<>();
            container.put("ContainerID", containerId);
            container.put("PID", pid);
            container.put("ExitCode", exitCode);
            doc.put("ContainerStatus", container);
        }
        doc.put("PortStatus", Map.of());
        return doc;
    }
}
