package dev.dockmock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.events.DockerEvent;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ClientInfo;
import dev.dockmock.protocol.Headers;
import dev.dockmock.protocol.Json;
import dev.dockmock.protocol.ResponseBody;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** An in-memory engine with alpine, redis and postgres seeded, and short ways to call it. */
public final class EngineClient implements AutoCloseable {
    private final Engine engine = Engine.create(EngineConfig.defaults().withPorts(HostPorts.none())
            .withSeedImages(List.of("alpine:latest", "redis:latest", "postgres:latest")));

    /** A status and the JSON body (missing node when the body is empty). */
    public record Reply(int status, JsonNode json) {
        public String message() {
            return json.path("message").asText();
        }
    }

    public Engine engine() {
        return engine;
    }

    public Reply get(String target) {
        return call("GET", target, null);
    }

    public Reply delete(String target) {
        return call("DELETE", target, null);
    }

    public Reply post(String target) {
        return call("POST", target, null);
    }

    /** A POST with a JSON body, sent as {@code application/json}. */
    public Reply post(String target, String json) {
        return call("POST", target, json);
    }

    public Reply call(String method, String target, String json) {
        ApiResponse response = raw(method, target, json, Headers.of("Content-Type", "application/json"));
        if (response.body() instanceof ResponseBody.Bytes bytes && bytes.data().length > 0) {
            return new Reply(response.status(), Json.parse(bytes.data()));
        }
        return new Reply(response.status(), Json.mapper().missingNode());
    }

    public ApiResponse raw(String method, String target, String body, Headers headers) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return engine.dispatcher().dispatch(ApiRequest.of(method, target, headers, bytes, ClientInfo.inMemory()));
    }

    /** Creates a container from {@code body} (a create request) named {@code name}; returns its id. */
    public String create(String name, String body) {
        Reply reply = post("/v1.50/containers/create?name=" + name, body);
        if (reply.status() != 201) {
            throw new AssertionError("create " + name + ": " + reply);
        }
        return reply.json().path("Id").asText();
    }

    /** Creates and starts {@code alpine sleep 100} named {@code name}; returns its id. */
    public String run(String name, String body) {
        String id = create(name, body);
        Reply started = post("/v1.50/containers/" + id + "/start");
        if (started.status() != 204) {
            throw new AssertionError("start " + name + ": " + started);
        }
        return id;
    }

    public static String sleeper() {
        return "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"100\"]}";
    }

    /** The events published so far of {@code type}, oldest first. */
    public List<DockerEvent> events(String type) {
        return engine.context().events().history(e -> e.type().equals(type));
    }

    @Override
    public void close() {
        engine.close();
    }
}
