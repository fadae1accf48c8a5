package dev.dockmock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.cluster.ClusterNode;
import dev.dockmock.cluster.NodeStatus;
import dev.dockmock.cluster.SwarmCluster;
import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.swarm.SimulatedNode;
import dev.dockmock.faults.Durations;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The admin API's swarm node faults, on a control serving a {@link SwarmCluster}:
 * {@code GET /_dockmock/nodes}, {@code POST /_dockmock/nodes/{id}/faults} ({@code {fault: down}},
 * {@code up}, {@code partition}, {@code heal}, {@code drain}, {@code pause}, {@code active},
 * {@code demote}; a simulated worker takes {@code down}, {@code up}, {@code heal} and the
 * availabilities, and the answer shows it under {@code simulated}), {@code POST /_dockmock/swarm/kill-leader} and
 * {@code PUT /_dockmock/swarm/election-timeout} ({@code {timeout: 2s}}). A node is named by its
 * name, its node id or an id prefix; {@code leader} is whichever node leads.
 */
final class NodeFaultRoutes {
    private final DockMockControl control;
    private final Function<ApiRequest, JsonNode> bodies;

    NodeFaultRoutes(DockMockControl control, Function<ApiRequest, JsonNode> bodies) {
        this.control = control;
        this.bodies = bodies;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", "/_dockmock/nodes", (r, p) -> nodes(swarm())),
                Route.of("POST", "/_dockmock/nodes/{id}/faults", (r, p) -> fault(p.get("id"), bodies.apply(r))),
                Route.of("POST", "/_dockmock/swarm/kill-leader", (r, p) -> killLeader()),
                Route.of("PUT", "/_dockmock/swarm/election-timeout", (r, p) -> electionTimeout(bodies.apply(r))));
    }

    private SwarmCluster swarm() {
        return control.swarm().orElseThrow(() -> new DockerException(501,
                "this dockmock serves no swarm: node faults need dockmock serve --swarm managers=M,workers=W"));
    }

    private ApiResponse fault(String id, JsonNode body) {
        SwarmCluster swarm = swarm();
        String fault = body.path("fault").asText("").toLowerCase(Locale.ROOT);
        Optional<ClusterNode> found = swarm.find(id);
        if (found.isEmpty() && !id.equals("leader")) {
            Optional<SimulatedNode> simulated = swarm.simulated(id);
            if (simulated.isPresent()) {
                return simulatedFault(swarm, simulated.get(), fault);
            }
        }
        ClusterNode node = found.orElseThrow(() -> new DockerException(404, id.equals("leader")
                ? "the swarm has no leader now" : "no node " + id + " in this swarm"));
        try {
            switch (fault) {
                case "down" -> swarm.down(node);
                case "up" -> swarm.up(node);
                case "partition" -> swarm.partition(node);
                case "heal" -> swarm.heal(node);
                case "drain", "pause", "active" -> swarm.availability(node, fault);
                case "demote" -> swarm.demote(node);
                default -> throw new DockerException(400, "unknown node fault \"" + fault
                        + "\": use down, up, partition, heal, drain, pause, active or demote");
            }
        } catch (IllegalStateException e) {
            throw new DockerException(503, e.getMessage());
        }
        return nodes(swarm);
    }

    /** A simulated worker: it can go down and up and change availability; it has no listener to partition and no role to lose. */
    private static ApiResponse simulatedFault(SwarmCluster swarm, SimulatedNode node, String fault) {
        SimulatedNode after;
        try {
            after = switch (fault) {
                case "down" -> swarm.down(node);
                case "up", "heal" -> swarm.up(node);
                case "drain", "pause", "active" -> swarm.availability(node, fault);
                case "partition", "demote" -> throw new DockerException(400, "a simulated node cannot be given the fault \""
                        + fault + "\": use down, up, drain, pause or active");
                default -> throw new DockerException(400, "unknown node fault \"" + fault
                        + "\": use down, up, partition, heal, drain, pause, active or demote");
            };
        } catch (IllegalStateException e) {
            throw new DockerException(503, e.getMessage());
        }
        Map<String, Object> doc = document(swarm);
        Map<String, Object> simulated = new LinkedHashMap<>();
        simulated.put("name", after.hostname());
        simulated.put("id", after.id());
        simulated.put("state", after.state());
        simulated.put("availability", after.availability());
        doc.put("simulated", simulated);
        return ApiResponse.json(200, Json.bytes(doc));
    }

    private ApiResponse killLeader() {
        SwarmCluster swarm = swarm();
        if (swarm.currentLeader().isEmpty()) {
            throw new DockerException(503, "the swarm has no leader to kill");
        }
        ClusterNode killed = swarm.killLeader();
        Map<String, Object> doc = document(swarm);
        doc.put("killed", killed.name());
        return ApiResponse.json(200, Json.bytes(doc));
    }

    private ApiResponse electionTimeout(JsonNode body) {
        SwarmCluster swarm = swarm();
        if (!body.path("timeout").isTextual()) {
            throw new DockerException(400, "give the timeout as text: {\"timeout\": \"2s\"}");
        }
        try {
            swarm.electionTimeout(Durations.parse(body.path("timeout").asText()));
        } catch (IllegalArgumentException e) {
            throw new DockerException(400, e.getMessage());
        }
        return nodes(swarm);
    }

    private static ApiResponse nodes(SwarmCluster swarm) {
        return ApiResponse.json(200, Json.bytes(document(swarm)));
    }

    /** {@code {"leader": "manager1", "nodes": [{"name": ..., "id": ..., "role": ..., ...}]}} */
    static Map<String, Object> document(SwarmCluster swarm) {
        Map<String, Object> doc = new LinkedHashMap<>();
        List<Map<String, Object>> nodes = new ArrayList<>();
        String leader = null;
        for (NodeStatus status : swarm.status()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("name", status.name());
            node.put("id", status.id());
            node.put("role", status.role());
            node.put("leader", status.leader());
            node.put("reach", status.reach());
            node.put("state", status.state());
            node.put("availability", status.availability());
            node.put("hosts", status.hosts());
            nodes.add(node);
            if (status.leader()) {
                leader = status.name();
            }
        }
        doc.put("leader", leader);
        doc.put("nodes", nodes);
        return doc;
    }
}
