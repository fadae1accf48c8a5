package dev.dockmock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ClientInfo;
import dev.dockmock.protocol.Headers;
import dev.dockmock.protocol.Json;
import dev.dockmock.protocol.ResponseBody;
import dev.dockmock.protocol.StreamSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** In-memory calls to an engine's dispatcher, for route tests. */
public final class EngineCalls implements AutoCloseable {
    private final Engine engine;

    public EngineCalls(Engine engine) {
        this.engine = engine;
    }

    /** An engine with {@code alpine:latest} present and no host ports. */
    public static EngineCalls withAlpine() {
        return new EngineCalls(Engine.create(EngineConfig.defaults().withPorts(HostPorts.none()).withSeedImages(List.of("alpine:latest"))));
    }

    /** {@link #withAlpine()} after {@code swarm init}: the manager of a swarm of one. */
    public static EngineCalls swarmManager() {
        EngineCalls calls = withAlpine();
        ApiResponse init = calls.post("/v1.50/swarm/init", Map.of("AdvertiseAddr", "127.0.0.1"));
        if (init.status() != 200) {
            calls.close();
            throw new IllegalStateException("swarm init: " + text(init));
        }
        return calls;
    }

    public Engine engine() {
        return engine;
    }

    public ApiResponse call(String method, String target) {
        return engine.dispatcher().dispatch(ApiRequest.of(method, target));
    }

    public ApiResponse call(String method, String target, byte[] body, String contentType) {
        return engine.dispatcher().dispatch(ApiRequest.of(method, target, Headers.of("Content-Type", contentType), body,
                ClientInfo.inMemory()));
    }

    public ApiResponse post(String target, Object json) {
        return call("POST", target, Json.bytes(json), "application/json");
    }

    /** Creates a container of {@code image} that sleeps; returns its id. */
    public String createContainer(String image, String name) {
        ApiResponse created = post("/v1.50/containers/create" + (name == null ? "" : "?name=" + name),
                Map.of("Image", image, "Cmd", List.of("sleep", "1000")));
        if (created.status() != 201) {
            throw new AssertionError("create failed: " + text(created));
        }
        return json(created).path("Id").asText();
    }

    /** Asserts a 2xx answer; its JSON body, or null when it has none. */
    public static JsonNode ok(ApiResponse response) {
        org.assertj.core.api.Assertions.assertThat(response.status()).as(text(response)).isBetween(200, 204);
        return response.body() instanceof ResponseBody.Empty ? null : json(response);
    }

    /** The whole body, running a streamed writer to its end. */
    public static byte[] bytes(ApiResponse response) {
        if (response.body() instanceof ResponseBody.Bytes bytes) {
            return bytes.data();
        }
        if (response.body() instanceof ResponseBody.Streamed streamed) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                streamed.writer().writeTo(new StreamSink() {
                    @Override
                    public void send(byte[] message) {
                        out.writeBytes(message);
                    }

                    @Override
                    public boolean isOpen() {
                        return true;
                    }
                });
            } catch (IOException e) {
                throw new AssertionError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            return out.toByteArray();
        }
        return new byte[0];
    }

    public static String text(ApiResponse response) {
        return new String(bytes(response), StandardCharsets.UTF_8);
    }

    public static JsonNode json(ApiResponse response) {
        return Json.parse(bytes(response));
    }

    /** The messages of a newline-delimited JSON stream. */
    public static List<JsonNode> messages(ApiResponse response) {
        List<JsonNode> messages = new ArrayList<>();
        for (String line : text(response).split("\n")) {
            if (!line.isBlank()) {
                messages.add(Json.parse(line.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return messages;
    }

    @Override
    public void close() {
        engine.close();
    }
}
