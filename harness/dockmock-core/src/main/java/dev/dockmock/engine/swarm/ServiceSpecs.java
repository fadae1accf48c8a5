package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.engine.system.GoFieldNames;
import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a {@code ServiceSpec} as swarmkit's control API does and completes it as dockerd stores
 * it. With fast timing, a spec without {@code UpdateConfig} or {@code RollbackConfig} gets
 * swarmkit's defaults with the monitor period scaled: the docker CLI waits out that period after
 * every create, scale and update (5 s when the spec names none), which would make a fast fake slow.
 */
final class ServiceSpecs {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern DNS_NAME = Pattern.compile("(?=.{1,63}$)[a-zA-Z0-9](?:[-_]*[a-zA-Z0-9]+)*");
    private static final String INVALID = "rpc error: code = InvalidArgument desc = ";

    private ServiceSpecs() {
    }

    /**
     * Removes fields set to {@code null} at any depth: Go decodes them as absent, and docker-java
     * sends its unset fields as nulls ({@code "Global": null} must not make a global service).
     */
    static void dropNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(field -> field.getValue().isNull());
            object.forEach(ServiceSpecs::dropNulls);
        } else if (node.isArray()) {
            node.forEach(ServiceSpecs::dropNulls);
        }
    }

    /**
     * The spec to store for {@code given}.
     *
     * @param generatedName the name to use when the spec has none
     * @throws DockerException 400 for specs swarmkit refuses
     */
    static ObjectNode complete(JsonNode given, String generatedName, SwarmTiming timing, ClusterState cluster) {
        if (!given.isObject()) {
            throw new DockerException(400, INVALID + "service spec must be a JSON object");
        }
        ObjectNode spec = given.deepCopy();
        dropNulls(spec);
        if (spec.path("Name").asText("").isEmpty()) {
            spec.put("Name", generatedName);
        }
        if (!DNS_NAME.matcher(spec.path("Name").asText()).matches()) {
            throw new DockerException(400, INVALID + "name must be valid as a DNS name component");
        }
        if (!spec.path("Labels").isObject()) {
            spec.set("Labels", NODES.objectNode());
        }
        JsonNode template = spec.path("TaskTemplate");
        if (!template.isObject() || !template.path("ContainerSpec").isObject()
                || !template.path("Runtime").asText("container").matches("container|")) {
            throw new DockerException(400, "mismatched Runtime and *Spec fields");
        }
        ObjectNode task = (ObjectNode) template;
        if (task.path("ContainerSpec").path("Image").asText("").isEmpty()) {
            throw new DockerException(400, INVALID + "ContainerSpec: image reference must be provided");
        }
        task.put("ForceUpdate", task.path("ForceUpdate").asLong(0));
        task.put("Runtime", "container");
        networks(cluster, task);
        references(cluster, task.path("ContainerSpec"), StoredObject.Kind.SECRET, "Secrets", "SecretID");
        references(cluster, task.path("ContainerSpec"), StoredObject.Kind.CONFIG, "Configs", "ConfigID");
        JsonNode mode = GoFieldNames.canonical(spec.path("Mode"), "Replicated", "Global", "ReplicatedJob", "GlobalJob");
        GoFieldNames.canonical(mode.path("Replicated"), "Replicas");
        GoFieldNames.canonical(mode.path("ReplicatedJob"), "MaxConcurrent", "TotalCompletions");
        if (mode.path("Global").isObject()) {
            spec.set("Mode", NODES.objectNode().set("Global", NODES.objectNode()));
        } else if (mode.path("ReplicatedJob").isObject()) {
            spec.set("Mode", NODES.objectNode().set("ReplicatedJob", replicatedJob(mode.path("ReplicatedJob"))));
        } else if (mode.path("GlobalJob").isObject()) {
            spec.set("Mode", NODES.objectNode().set("GlobalJob", NODES.objectNode()));
        }
        boolean job = spec.path("Mode").has("ReplicatedJob") || spec.path("Mode").has("GlobalJob");
        if (!spec.path("Mode").has("Global") && !job) {
            ObjectNode replicated = NODES.objectNode();
            replicated.put("Replicas", mode.path("Replicated").path("Replicas").asLong(1));
            spec.set("Mode", NODES.objectNode().set("Replicated", replicated));
        }
        if (!spec.path("EndpointSpec").isObject()) {
            spec.set("EndpointSpec", NODES.objectNode().put("Mode", "vip"));
        }
        // a job is not rolled out (an update starts a new execution), so the CLI never waits out a monitor period for one
        if (timing.fast() && !job) {
            for (String config : List.of("UpdateConfig", "RollbackConfig")) {
                if (!spec.path(config).isObject()) {
                    spec.set(config, NODES.objectNode().put("Parallelism", 1).put("FailureAction", "pause")
                            .put("Monitor", timing.scaledNanos(5_000_000_000L)).put("MaxFailureRatio", 0).put("Order", "stop-first"));
                }
            }
        }
        return spec;
    }

    /**
     * A replicated job's mode as dockerd stores it: {@code MaxConcurrent} 1 when unset,
     * {@code TotalCompletions} {@code MaxConcurrent} when unset.
     */
    private static ObjectNode replicatedJob(JsonNode given) {
        long maxConcurrent = given.path("MaxConcurrent").asLong(1);
        long totalCompletions = given.path("TotalCompletions").asLong(maxConcurrent);
        for (Map.Entry<String, Long> field : Map.of("MaxConcurrent", maxConcurrent, "TotalCompletions", totalCompletions).entrySet()) {
            if (field.getValue() < 0) {
                throw new DockerException(400, "json: cannot unmarshal number " + field.getValue()
                        + " into Go struct field ReplicatedJob.Mode.ReplicatedJob." + field.getKey() + " of type uint64");
            }
        }
        return NODES.objectNode().put("MaxConcurrent", maxConcurrent).put("TotalCompletions", totalCompletions);
    }

    /** Names the task's networks by id, as swarmkit stores them; only swarm-scoped networks will do. */
    private static void networks(ClusterState cluster, ObjectNode task) {
        SwarmNode leader = cluster.leader();
        NodeRuntime runtime = leader == null ? null : cluster.runtimes.get(leader.id());
        for (JsonNode attachment : task.path("Networks")) {
            String target = attachment.path("Target").asText("");
            NodeRuntime.NetworkRef network = cluster.networks.find(target).flatMap(n -> cluster.networks.ref(n.id()))
                    .or(() -> runtime == null ? java.util.Optional.empty() : runtime.network(target)).orElse(null);
            if (network == null) {
                throw new DockerException(404, "network " + target + " not found");
            }
            if (!network.swarmScoped()) {
                throw new DockerException(400, "The network " + network.name() + " cannot be used with services. Only networks "
                        + "scoped to the swarm can be used, such as those created with the overlay driver.");
            }
            ((ObjectNode) attachment).put("Target", network.id());
        }
    }

    private static void references(ClusterState cluster, JsonNode containerSpec, StoredObject.Kind kind, String field, String idField) {
        List<String> missing = new ArrayList<>();
        for (JsonNode reference : containerSpec.path(field)) {
            String id = reference.path(idField).asText("");
            if (!cluster.objects(kind).containsKey(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            throw new DockerException(400, INVALID + kind.singular() + " not found: " + String.join(", ", missing));
        }
    }
}
