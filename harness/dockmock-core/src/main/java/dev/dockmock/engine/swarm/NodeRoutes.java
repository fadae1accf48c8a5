package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.dispatch.PathParams;
import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.Filters;
import dev.dockmock.engine.system.RequestJson;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /nodes}: list, inspect, update (role, availability, labels) and remove. */
final class NodeRoutes {
    private static final Set<String> FILTERS = Set.of("id", "label", "membership", "name", "node.label", "role");

    private final Swarm swarm;

    NodeRoutes(Swarm swarm) {
        this.swarm = swarm;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", "/nodes", this::list),
                Route.of("GET", "/nodes/{id}", this::inspect),
                Route.of("POST", "/nodes/{id}/update", this::update),
                Route.of("DELETE", "/nodes/{id}", this::remove));
    }

    private ApiResponse list(ApiRequest request, PathParams params) {
        ClusterState cluster = swarm.manager();
        Filters filters = Filters.parse(request.query().first("filters").orElse(null)).accept(FILTERS);
        synchronized (cluster.lock()) {
            List<byte[]> nodes = new ArrayList<>();
            TrustRoot trustRoot = cluster.info().trustRoot();
            for (SwarmNode node : cluster.nodes.values()) {
                String name = node.name().isEmpty() ? node.hostname() : node.name();
                if (filters.anyMatches("id", node.id()::startsWith)
                        && filters.anyMatches("name", name::startsWith)
                        && filters.anyMatches("role", node.role()::equals)
                        && filters.anyMatches("membership", "accepted"::equals)
                        && filters.labelsMatch("node.label", node.labels())
                        && filters.labelsMatch("label", Map.of())) {
                    nodes.add(cluster.nodeDocuments.bytes(node.id(), node, trustRoot, () -> node.document(trustRoot)));
                }
            }
            cluster.nodeDocuments.retain(cluster.nodes.keySet());
            return ApiResponse.json(200, DocumentCache.array(nodes));
        }
    }

    private ApiResponse inspect(ApiRequest request, PathParams params) {
        ClusterState cluster = swarm.manager();
        synchronized (cluster.lock()) {
            return ApiResponse.json(200, Json.bytes(cluster.node(params.get("id")).document(cluster.info().trustRoot())));
        }
    }

    private ApiResponse update(ApiRequest request, PathParams params) {
        ClusterState cluster = swarm.manager();
        long version = Versions.of(request, "node");
        JsonNode spec = RequestJson.object(request);
        synchronized (cluster.lock()) {
            SwarmNode node = cluster.node(params.get("id"));
            Versions.check(version, node.meta());
            String role = spec.path("Role").asText("");
            String availability = spec.path("Availability").asText("");
            role = role.isEmpty() ? node.role() : role;
            availability = availability.isEmpty() ? node.availability() : availability;
            if (!role.equals("manager") && !role.equals("worker")) {
                throw new DockerException(400, "invalid Role: \"" + role + "\"");
            }
            if (!Set.of("active", "pause", "drain").contains(availability)) {
                throw new DockerException(400, "invalid Availability: \"" + availability + "\"");
            }
            if (node.manager() && role.equals("worker")
                    && cluster.nodes.values().stream().filter(SwarmNode::manager).count() == 1) {
                throw new DockerException(400, "rpc error: code = FailedPrecondition desc = attempting to demote the last manager "
                        + "of the swarm");
            }
            Map<String, String> labels = new LinkedHashMap<>();
            spec.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            SwarmNode updated = node.withSpec(spec.path("Name").asText(""), labels, role, availability,
                    node.meta().updated(cluster.nextIndex(), cluster.now()));
            cluster.nodes.put(node.id(), updated);
            if (!role.equals(node.role())) {
                NodeRuntime runtime = cluster.runtimes.get(node.id());
                if (runtime != null && role.equals("manager")) {
                    runtime.addNetworks(cluster.networks, cluster.networks.forRole(role));
                }
                cluster.election().elect(null);
                cluster.election().announceLeader();
            }
            Map<String, String> changes = new LinkedHashMap<>();
            SwarmEvents.change(changes, "availability", node.availability(), availability);
            SwarmEvents.change(changes, "role", node.role(), role);
            cluster.events().publish("node", "update", node.id(), node.hostname(), changes);
            cluster.lock().notifyAll();
            return ApiResponse.empty(200);
        }
    }

    private ApiResponse remove(ApiRequest request, PathParams params) {
        ClusterState cluster = swarm.manager();
        boolean force = request.query().flag("force", false);
        synchronized (cluster.lock()) {
            SwarmNode node = cluster.node(params.get("id"));
            if (node.manager()) {
                throw new DockerException(400, "rpc error: code = FailedPrecondition desc = node " + node.id()
                        + " is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal");
            }
            if (node.state().equals("ready") && !force) {
                throw new DockerException(400, "rpc error: code = FailedPrecondition desc = node " + node.id()
                        + " is not down and can't be removed");
            }
            cluster.nodes.remove(node.id());
            cluster.events().publish("node", "remove", node.id(), node.hostname());
            cluster.lock().notifyAll();
            return ApiResponse.empty(200);
        }
    }
}
