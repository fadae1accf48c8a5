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
 */
record SwarmService(String id, Meta meta, ObjectNode spec, ObjectNode previousSpec, UpdateStatus updateStatus,
        Map<String, Object> endpoint) {

    String name() {
        return spec.path("Name").asText();
    }

    ObjectNode taskTemplate() {
        return (ObjectNode) spec.get("TaskTemplate");
    }

    String image() {
        return spec.path("TaskTemplate").path("ContainerSpec").path("Image").asText("");
    }

    boolean global() {
        return spec.path("Mode").has("Global");
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
        return new SwarmService(id, newMeta, spec, previousSpec, status, endpoint);
    }

    SwarmService withSpec(ObjectNode newSpec, ObjectNode newPrevious, UpdateStatus status, Map<String, Object> newEndpoint,
            Meta newMeta) {
        return new SwarmService(id, newMeta, newSpec, newPrevious, status, newEndpoint);
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
        return doc;
    }

    static Map<String, Object> endpointWithoutPorts() {
        return Map.of("Spec", Map.of());
    }

}
