package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.dispatch.PathParams;
import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.Filters;
import dev.dockmock.engine.containers.NameGenerator;
import dev.dockmock.engine.system.RequestJson;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /services}: create, list (with {@code status=true}), inspect, update and rollback ({@link ServiceUpdateRoute}), remove, logs. */
final class ServiceRoutes {
    private static final Set<String> FILTERS = Set.of("id", "label", "mode", "name");

    private final Swarm swarm;

    ServiceRoutes(Swarm swarm) {
        this.swarm = swarm;
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", "/services/create", this::create),
                Route.of("GET", "/services", this::list),
                Route.of("GET", "/services/{id}", this::inspect),
                Route.of("POST", "/services/{id}/update", new ServiceUpdateRoute(swarm)::update),
                Route.of("DELETE", "/services/{id}", this::remove),
                Route.of("GET", "/services/{id}/logs", this::logs));
    }

    private ApiResponse create(ApiRequest request, PathParams params) {
        ClusterState cluster = swarm.manager();
        JsonNode body = RequestJson.object(request);
        synchronized (cluster.lock()) {
            String id = cluster.ids().next();
            String generated = NameGenerator.generate(cluster.ids().hex(), this::nameTaken);
            ObjectNode spec = ServiceSpecs.complete(body, generated, cluster.timing(), cluster);
            String name = spec.path("Name").asText();
            PublishedPorts.checkConflicts(cluster, spec, null);
            if (nameTaken(name)) {
                throw new DockerException(409, "rpc error: code = AlreadyExists desc = name conflicts with an existing object: "
                        + "service " + name + " already exists");
            }
            Instant now = cluster.now();
            boolean job = SwarmService.modeName(spec).endsWith("-job");
            SwarmService service = new SwarmService(id, Meta.created(cluster.nextIndex(), now), spec, null, null,
                    VirtualIps.endpoint(spec, cluster, id), job ? JobStatus.started(now) : null);
            cluster.services.put(id, service);
            cluster.events().publish("service", "create", id, name);
            cluster.lock().notifyAll();
            return ApiResponse.json(201, Json.bytes(Map.of("ID", id)));
        }
    }

    private boolean nameTaken(String name) {
        ClusterState cluster = swarm.manager();
        return cluster.services.values().stream().anyMatch(s -> s.name().equals(name));
    }

    private ApiResponse list(ApiRequest request, PathParams params) {
        ClusterState cluster = swarm.manager();
        Filters filters = Filters.parse(request.query().first("filters").orElse(null)).accept(FILTERS);
        boolean status = request.query().flag("status", false);
        synchronized (cluster.lock()) {
            List<Object> services = new ArrayList<>();
            Map<String, List<Task>> tasks = status ? cluster.tasksByService() : Map.of();
            for (SwarmService service : cluster.services.values()) {
                if (filters.anyMatches("id", service.id()::startsWith)
                        && filters.anyMatches("name", service.name()::startsWith)
                        && filters.anyMatches("mode", service.modeName()::equals)
                        && filters.labelsMatch("label", service.labels())) {
                    services.add(service.document(status ? status(cluster, service, tasks.getOrDefault(service.id(), List.of())) : null));
                }
            }
            return ApiResponse.json(200, Json.bytes(services));
        }
    }

    /** {@code ServiceStatus}: tasks running on live nodes, and how many are wanted. */
    static Map<String, Object> status(ClusterState cluster, SwarmService service, List<Task> serviceTasks) {
        if (service.job()) {
            return JobReconciler.status(service, serviceTasks);
        }
        long running = 0;
        long wanted = 0;
        for (Task task : serviceTasks) {
            if (task.desired() == TaskState.RUNNING) {
                wanted++;
                SwarmNode node = cluster.nodes.get(task.nodeId());
                if (task.state() == TaskState.RUNNING && node != null && node.state().equals("ready")) {
                    running++;
                }
            }
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("RunningTasks", running);
        status.put("DesiredTasks", service.global() ? wanted : service.replicas());
        status.put("CompletedTasks", 0);
        return status;
    }

    private ApiResponse inspect(ApiRequest request, PathParams params) {
        ClusterState cluster = swarm.manager();
        synchronized (cluster.lock()) {
            return ApiResponse.json(200, Json.bytes(cluster.service(params.get("id")).document(null)));
        }
    }

    private ApiResponse remove(ApiRequest request, PathParams params) {
        ClusterState cluster = swarm.manager();
        synchronized (cluster.lock()) {
            SwarmService service = cluster.service(params.get("id"));
            cluster.services.remove(service.id());
            VirtualIps.release(service, cluster);
            for (Task task : cluster.tasksOf(service.id())) {
                cluster.tasks.put(task.id(), task.withDesired(TaskState.REMOVE, cluster.nextIndex(), cluster.now()));
            }
            cluster.events().publish("service", "remove", service.id(), service.name());
            cluster.lock().notifyAll();
            awaitStopped(cluster, service.id());
            return ApiResponse.empty(200);
        }
    }

    /**
     * Waits, up to the tasks' stop grace period (scaled) and a little more, until the service's
     * task containers have stopped. dockerd answers at once and stops them afterwards; answering
     * once they have stopped lets {@code docker stack rm} remove the stack's network right after
     * the services, where the fake engine would refuse to remove a network with running
     * containers on it.
     */
    private static void awaitStopped(ClusterState cluster, String serviceId) {
        long grace = cluster.tasksOf(serviceId).stream().mapToLong(TaskContainers::graceSeconds).max().orElse(0);
        long end = System.nanoTime() + cluster.timing().scaledNanos(grace * 1_000_000_000L) + 2_000_000_000L;
        try {
            while (cluster.tasksOf(serviceId).stream().anyMatch(t -> !t.state().terminal()) && System.nanoTime() < end) {
                cluster.lock().wait(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ApiResponse logs(ApiRequest request, PathParams params) {
        ClusterState cluster = swarm.manager();
        String serviceId;
        boolean tty;
        synchronized (cluster.lock()) {
            SwarmService service = cluster.service(params.get("id"));
            serviceId = service.id();
            tty = service.taskTemplate().path("ContainerSpec").path("TTY").asBoolean(false);
        }
        return new ServiceLogs(cluster).respond(request, t -> t.serviceId().equals(serviceId), tty);
    }
}
