package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One service: its spec, the spec it replaced (for {@code rollback}), and how its last update went.
 *
 * @param id the service id
 * @param meta version and times
 * @param spec the {@code ServiceSpec} as stored
 * @param previousSpec the spec before the last update, null when it was never updated
 * @param updateStatus the last rolling update or rollback, null when none ran since the spec last changed
 * @param endpoint the {@code Endpoint} document: published ports and virtual IPs
 * @param jobStatus the current execution of a job service, null for a replicated or global service
 */
record SwarmService(String id, Meta meta, ObjectNode spec, ObjectNode previousSpec, UpdateStatus updateStatus,
        Map<String, Object> endpoint, JobStatus jobStatus) {

    String name() {
        return spec.path("Name").asText();
    }

    ObjectNode taskTemplate() {
        return (ObjectNode) spec.get("TaskTemplate");
    }

    String image() {
        return spec.path("TaskTemplate").path("ContainerSpec").path("Image").asText("");
    }

    /** A global service (not a global job). */
    boolean global() {
        return spec.path("Mode").has("Global");
    }

    boolean replicatedJob() {
        return spec.path("Mode").has("ReplicatedJob");
    }

    boolean globalJob() {
        return spec.path("Mode").has("GlobalJob");
    }

    /** A job service: its tasks run to completion and are not replaced once complete. */
    boolean job() {
        return replicatedJob() || globalJob();
    }

    /** The mode's name, as the {@code mode} filter and {@code docker service ls} call it. */
    String modeName() {
        return modeName(spec);
    }

    static String modeName(JsonNode spec) {
        JsonNode mode = spec.path("Mode");
        if (mode.has("ReplicatedJob")) {
            return "replicated-job";
        }
        if (mode.has("GlobalJob")) {
            return "global-job";
        }
        return mode.has("Global") ? "global" : "replicated";
    }

    /** A replicated job's {@code MaxConcurrent}: how many of its tasks may run at once. */
    long maxConcurrent() {
        return spec.path("Mode").path("ReplicatedJob").path("MaxConcurrent").asLong(1);
    }

    /** A replicated job's {@code TotalCompletions}: how many tasks must complete. */
    long totalCompletions() {
        return spec.path("Mode").path("ReplicatedJob").path("TotalCompletions").asLong(maxConcurrent());
    }

    /** The replicas wanted, for a replicated service. */
    int replicas() {
        return spec.path("Mode").path("Replicated").path("Replicas").asInt(1);
    }

    Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        spec.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** The update settings in use: {@code RollbackConfig} while rolling back, otherwise {@code UpdateConfig}. */
    JsonNode updateConfig() {
        boolean rollingBack = updateStatus != null && updateStatus.rollback();
        return spec.path(rollingBack ? "RollbackConfig" : "UpdateConfig");
    }

    SwarmService withUpdateStatus(UpdateStatus status, Meta newMeta) {
        return new SwarmService(id, newMeta, spec, previousSpec, status, endpoint, jobStatus);
    }

    SwarmService withSpec(ObjectNode newSpec, ObjectNode newPrevious, UpdateStatus status, Map<String, Object> newEndpoint,
            Meta newMeta) {
        return new SwarmService(id, newMeta, newSpec, newPrevious, status, newEndpoint, jobStatus);
    }

    SwarmService withJobStatus(JobStatus status) {
        return new SwarmService(id, meta, spec, previousSpec, updateStatus, endpoint, status);
    }

    /**
     * The service document.
     *
     * @param status {@code ServiceStatus} (running and desired tasks), or null when not asked for
     */
    Map<String, Object> document(Map<String, Object> status) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ID", id);
        meta.putInto(doc);
        doc.put("Spec", spec);
        if (previousSpec != null) {
            doc.put("PreviousSpec", previousSpec);
        }
        doc.put("Endpoint", endpoint);
        if (updateStatus != null) {
            doc.put("UpdateStatus", updateStatus.document());
        }
        if (status != null) {
            doc.put("ServiceStatus", status);
        }
        if (jobStatus != null) {
            doc.put("JobStatus", jobStatus.document());
        }
        return doc;
    }

    static Map<String, Object> endpointWithoutPorts() {
        return Map.of("Spec", Map.of());
    }

}
