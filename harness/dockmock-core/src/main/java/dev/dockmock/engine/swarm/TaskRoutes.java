package dev.dockmock.engine.swarm;

import dev.dockmock.dispatch.PathParams;
import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.Filters;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /tasks}: list with dockerd's filters (services and nodes named by id, name or prefix;
 * {@code desired-state}; the CLI's private {@code _up-to-date}), inspect, logs.
 */
final class TaskRoutes {
    private static final Set<String> FILTERS = Set.of("id", "label", "name", "node", "service", "desired-state", "_up-to-date",
            "runtime");

    private final Swarm swarm;

    TaskRoutes(Swarm swarm) {
        this.swarm = swarm;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", "/tasks", this::list),
                Route.of("GET", "/tasks/{id}", this::inspect),
                Route.of("GET", "/tasks/{id}/logs", this::logs));
    }

    private ApiResponse list(ApiRequest request, PathParams params) {
        ClusterState cluster = swarm.manager();
        Filters filters = Filters.parse(request.query().first("filters").orElse(null)).accept(FILTERS);
        synchronized (cluster.lock()) {
            Set<String> services = new HashSet<>();
            filters.get("service").forEach(s -> services.add(cluster.service(s).id()));
            Set<String> nodes = new HashSet<>();
            filters.get("node").forEach(n -> nodes.add(cluster.node(n).id()));
            boolean upToDate = filters.has("_up-to-date");
            List<byte[]> tasks = new ArrayList<>();
            for (Task task : cluster.tasks.values()) {
                SwarmService service = cluster.services.get(task.serviceId());
                String name = (service == null ? task.serviceName() : service.name()) + "."
                        + (task.slot() > 0 ? String.valueOf(task.slot()) : task.nodeId());
                if ((services.isEmpty() || services.contains(task.serviceId()))
                        && (nodes.isEmpty() || nodes.contains(task.nodeId()))
                        && filters.anyMatches("id", task.id()::startsWith)
                        && filters.anyMatches("name", name::startsWith)
                        && filters.anyMatches("desired-state", task.desired().wire()::equals)
                        && filters.labelsMatch("label", service == null ? Map.of() : service.labels())
                        && (!upToDate || (service != null && task.spec().equals(service.taskTemplate())))) {
                    tasks.add(cluster.taskDocuments.bytes(task.id(), task, null, task::document));
                }
            }
            cluster.taskDocuments.retain(cluster.tasks.keySet());
            return ApiResponse.json(200, DocumentCache.array(tasks));
        }
    }

    private ApiResponse inspect(ApiRequest request, PathParams params) {
        ClusterState cluster = swarm.manager();
        synchronized (cluster.lock()) {
            return ApiResponse.json(200, Json.bytes(cluster.task(params.get("id")).document()));
        }
    }

    private ApiResponse logs(ApiRequest request, PathParams params) {
        ClusterState cluster = swarm.manager();
        String taskId;
        boolean tty;
        synchronized (cluster.lock()) {
            Task task = cluster.task(params.get("id"));
            taskId = task.id();
            tty = task.spec().path("ContainerSpec").path("TTY").asBoolean(false);
        }
        return new ServiceLogs(cluster).respond(request, t -> t.id().equals(taskId), tty);
    }
}
