package dev.dockmock.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.engine.Engine;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ClientInfo;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Headers;
import dev.dockmock.protocol.Json;
import dev.dockmock.protocol.ResponseBody;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Forms a swarm of engines through their own API, in memory: the first runs {@code swarm init},
 * the others {@code swarm join} with the manager or the worker token. Node {@code i} advertises
 * {@code 127.0.0.(i+1)}.
 */
final class SwarmFormation {

    private SwarmFormation() {
    }

    static void form(List<Engine> engines, int managers) {
        try {
            formThrowing(engines, managers);
        } catch (DockerException e) {
            throw new IllegalStateException("forming the swarm: " + e.getMessage(), e);
        }
    }

    private static void formThrowing(List<Engine> engines, int managers) {
        call(engines.get(0), "/swarm/init", Map.of("ListenAddr", "0.0.0.0:2377", "AdvertiseAddr", address(0)));
        JsonNode tokens = call(engines.get(0), "/swarm", null).path("JoinTokens");
        for (int i = 1; i < engines.size(); i++) {
            String token = tokens.path(i < managers ? "Manager" : "Worker").asText();
            call(engines.get(i), "/swarm/join", Map.of("ListenAddr", "0.0.0.0:2377", "AdvertiseAddr", address(i),
                    "RemoteAddrs", List.of(address(0) + ":2377"), "JoinToken", token));
        }
    }

    /** Demotes node {@code nodeId} to a worker through {@code engine}'s API ({@code docker node demote}). */
    static void demote(Engine engine, String nodeId) {
        JsonNode node = call(engine, "/nodes/" + nodeId, null);
        ObjectNode spec = (ObjectNode) node.path("Spec").deepCopy();
        spec.put("Role", "worker");
        call(engine, "/nodes/" + nodeId + "/update?version=" + node.path("Version").path("Index").asLong(), spec);
    }

    /** Sets node {@code nodeId}'s availability through {@code engine}'s API ({@code docker node update --availability}). */
    static void availability(Engine engine, String nodeId, String availability) {
        JsonNode node = call(engine, "/nodes/" + nodeId, null);
        ObjectNode spec = (ObjectNode) node.path("Spec").deepCopy();
        spec.put("Availability", availability);
        call(engine, "/nodes/" + nodeId + "/update?version=" + node.path("Version").path("Index").asLong(), spec);
    }

    static String address(int index) {
        return "127.0.0." + (index + 1);
    }

    private static JsonNode call(Engine engine, String path, Object body) {
        ApiRequest request = body == null ? ApiRequest.of("GET", path)
                : ApiRequest.of("POST", path, Headers.of("Content-Type", "application/json"), Json.bytes(body), ClientInfo.inMemory());
        ApiResponse response = engine.dispatcher().dispatch(request);
        byte[] data = response.body() instanceof ResponseBody.Bytes bytes ? bytes.data() : new byte[0];
        if (response.status() >= 300) {
            String text = new String(data, StandardCharsets.UTF_8);
            String message = text.startsWith("{") ? Json.parse(data).path("message").asText(text) : text;
            throw new DockerException(response.status(), message);
        }
        return data.length == 0 ? Json.mapper().nullNode() : Json.parse(data);
    }
}
