package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The container that carries out a task: its create request, built from the task's {@code ContainerSpec}. */
final class TaskContainers {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long DEFAULT_GRACE_NANOS = 10_000_000_000L;

    private TaskContainers() {
    }

    /**
     * The {@code POST /containers/create} body for {@code task} on node {@code nodeId}.
     *
     * @param ingress the swarm's {@code ingress} network when the task's service publishes a port
     *        through the routing mesh: the task is attached to it first, as swarmkit's allocator does
     * @param networks the swarm's networks by id, for the task's {@code Networks}
     */
    static ObjectNode createBody(Task task, String nodeId, Optional<NodeRuntime.NetworkRef> ingress,
            Function<String, Optional<NodeRuntime.NetworkRef>> networks) {
        JsonNode spec = task.spec().path("ContainerSpec");
        ObjectNode body = NODES.objectNode();
        body.put("Image", spec.path("Image").asText());
        copy(spec, "Command", body, "Entrypoint");
        copy(spec, "Args", body, "Cmd");
        copy(spec, "Env", body, "Env");
        copy(spec, "Dir", body, "WorkingDir");
        copy(spec, "User", body, "User");
        copy(spec, "Hostname", body, "Hostname");
        copy(spec, "TTY", body, "Tty");
        copy(spec, "OpenStdin", body, "OpenStdin");
        copy(spec, "StopSignal", body, "StopSignal");
        copy(spec, "Healthcheck", body, "Healthcheck");
        body.put("StopTimeout", graceSeconds(task));
        ObjectNode labels = NODES.objectNode();
        spec.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        for (Map.Entry<String, String> label : swarmLabels(task, nodeId).entrySet()) {
            labels.put(label.getKey(), label.getValue());
        }
        body.set("Labels", labels);
        ObjectNode host = NODES.objectNode();
        copy(spec, "Init", host, "Init");
        copy(spec, "ReadOnly", host, "ReadonlyRootfs");
        copy(spec, "Mounts", host, "Mounts");
        body.set("HostConfig", host);
        ObjectNode endpoints = NODES.objectNode();
        ingress.ifPresent(network -> {
            host.put("NetworkMode", network.name());
            endpoints.set(network.name(), NODES.objectNode().set("Aliases", NODES.arrayNode()));
        });
        for (JsonNode attachment : task.spec().path("Networks")) {
            networks.apply(attachment.path("Target").asText()).ifPresent(network -> {
                if (endpoints.isEmpty()) {
                    host.put("NetworkMode", network.name());
                }
                ObjectNode endpoint = NODES.objectNode();
                endpoint.set("Aliases", attachment.path("Aliases").isArray() ? attachment.get("Aliases").deepCopy() : NODES.arrayNode());
                endpoints.set(network.name(), endpoint);
            });
        }
        if (!endpoints.isEmpty()) {
            body.set("NetworkingConfig", NODES.objectNode().set("EndpointsConfig", endpoints));
        }
        return body;
    }

    /** The labels swarmkit's executor puts on every task container. */
    static Map<String, String> swarmLabels(Task task, String nodeId) {
        return Map.of(
                "com.docker.swarm.node.id", nodeId,
                "com.docker.swarm.service.id", task.serviceId(),
                "com.docker.swarm.service.name", task.serviceName(),
                "com.docker.swarm.task", "",
                "com.docker.swarm.task.id", task.id(),
                "com.docker.swarm.task.name", task.containerName());
    }

    /** The stop grace period of the task's spec ({@code StopGracePeriod}, 10 s when unset), in whole seconds. */
    static int graceSeconds(Task task) {
        JsonNode grace = task.spec().path("ContainerSpec").path("StopGracePeriod");
        long nanos = grace.isNumber() ? grace.asLong() : DEFAULT_GRACE_NANOS;
        return (int) Math.max(0, nanos / 1_000_000_000L);
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String as) {
        JsonNode value = from.get(field);
        if (value != null && !value.isNull()) {
            to.set(as, value.deepCopy());
        }
    }
}
