package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.dispatch.PathParams;
import dev.dockmock.engine.system.RequestJson;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /services/{id}/update}: a new spec (checked as on create; renaming, mode changes
 * and clashing published ports refused), or {@code rollback=previous}; a job's update starts a
 * new execution. Publishes swarmkit's {@code service update} events.
 */
final class ServiceUpdateRoute {
    private final Swarm swarm;

    ServiceUpdateRoute(Swarm swarm) {
        this.swarm = swarm;
    }

    ApiResponse update(ApiRequest request, PathParams params) {
        ClusterState cluster = swarm.manager();
        long version = Versions.of(request, "service");
        JsonNode body = RequestJson.object(request);
        String rollback = request.query().first("rollback").orElse("");
        synchronized (cluster.lock()) {
            SwarmService service = cluster.service(params.get("id"));
            Versions.check(version, service.meta());
            Meta meta = service.meta().updated(cluster.nextIndex(), cluster.now());
            SwarmService updated;
            if (rollback.equals("previous")) {
                if (service.previousSpec() == null) {
                    throw new DockerException(400, "rpc error: code = FailedPrecondition desc = service " + service.id()
                            + " does not have a previous spec");
                }
                UpdateStatus status = new UpdateStatus(UpdateStatus.ROLLBACK_STARTED, cluster.now(), null, "manually requested rollback");
                updated = service.withSpec(service.previousSpec(), service.spec(), status,
                        VirtualIps.endpoint(service.previousSpec(), cluster, service.id()), meta);
            } else {
                ObjectNode spec = ServiceSpecs.complete(body, service.name(), cluster.timing(), cluster);
                if (!spec.path("Name").asText().equals(service.name())) {
                    throw new DockerException(501, "rpc error: code = Unimplemented desc = renaming services is not supported");
                }
                if (!SwarmService.modeName(spec).equals(service.modeName())) {
                    throw new DockerException(501, "rpc error: code = Unimplemented desc = service mode change is not allowed");
                }
                if (!spec.path("EndpointSpec").equals(service.spec().path("EndpointSpec"))) {
                    PublishedPorts.checkConflicts(cluster, spec, service.id());
                }
                // the updater would set this a moment later; setting it now lets the first poll of a client see it.
                // A job has no updater: its update is a new execution
                UpdateStatus status = service.job() || spec.path("TaskTemplate").equals(service.taskTemplate()) ? null
                        : new UpdateStatus(UpdateStatus.UPDATING, cluster.now(), null, "update in progress");
                updated = service.withSpec(spec, service.spec(), status, VirtualIps.endpoint(spec, cluster, service.id()), meta);
            }
            if (service.jobStatus() != null) {
                updated = updated.withJobStatus(service.jobStatus().next(cluster.now()));
            }
            cluster.services.put(service.id(), updated);
            Map<String, String> changes = new LinkedHashMap<>();
            SwarmEvents.change(changes, "image", service.image(), updated.image());
            SwarmEvents.change(changes, "replicas", String.valueOf(service.replicas()), String.valueOf(updated.replicas()));
            cluster.events().publish("service", "update", service.id(), service.name(), changes);
            if (updated.updateStatus() != null) {
                Map<String, String> state = new LinkedHashMap<>();
                if (service.updateStatus() != null) {
                    state.put("updatestate.old", service.updateStatus().state());
                }
                state.put("updatestate.new", updated.updateStatus().state());
                cluster.events().publish("service", "update", service.id(), service.name(), state);
            }
            cluster.lock().notifyAll();
            return ApiResponse.json(200, Json.bytes(Map.of("Warnings", List.of())));
        }
    }
}
