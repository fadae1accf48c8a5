package dev.dockmock.cli.bench;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ClientInfo;
import dev.dockmock.protocol.Headers;
import dev.dockmock.protocol.Json;
import dev.dockmock.protocol.ResponseBody;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The fake engine as the bench uses it: the real {@link Engine} with {@code alpine:latest}, and
 * calls made straight to its dispatcher, as a request read off a socket would be.
 */
final class BenchEngine {
    /** The API version every request of the bench names: the newest a Debian dockerd 20.10 serves. */
    static final String API = "/v1.41";
    /** The body of every {@code POST /containers/create} of the bench; {@code none} for a real dockerd's sake. */
    static final String CREATE_BODY = "{\"Image\":\"alpine\",\"Cmd\":[\"echo\",\"hi\"],\"HostConfig\":{\"NetworkMode\":\"none\"}}";

    private BenchEngine() {
    }

    /** A new engine with alpine pulled. */
    static Engine create() {
        return Engine.create(EngineConfig.defaults().withSeedImages(List.of("alpine:latest")));
    }

    /** Creates {@code count} containers named {@code prefix-i}, started when {@code running}, with a label each. */
    static void populate(Dispatcher engine, String prefix, int count, boolean running) {
        for (int i = 0; i < count; i++) {
            String body = "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"86400\"],\"Labels\":{\"bench.group\":\"g" + (i % 10)
                    + "\",\"bench.index\":\"" + i + "\"},\"HostConfig\":{\"NetworkMode\":\"none\"}}";
            ApiResponse created = call(engine, "POST", API + "/containers/create?name=" + prefix + "-" + i, body);
            check(created, "create " + prefix + "-" + i);
            if (running) {
                String id = Json.parse(bytes(created)).get("Id").asText();
                check(call(engine, "POST", API + "/containers/" + id + "/start", null), "start " + id);
            }
        }
    }

    /** Removes every container that is not running, as {@code docker container prune} does. */
    static void prune(Dispatcher engine) {
        check(call(engine, "POST", API + "/containers/prune", null), "prune");
    }

    static ApiResponse call(Dispatcher engine, String method, String target, String json) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        Headers headers = json == null ? Headers.empty() : Headers.of("Content-Type", "application/json");
        return engine.dispatch(ApiRequest.of(method, target, headers, body, ClientInfo.inMemory()));
    }

    static byte[] bytes(ApiResponse response) {
        return response.body() instanceof ResponseBody.Bytes b ? b.data() : new byte[0];
    }

    private static void check(ApiResponse response, String what) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException("the engine refused to " + what + ": " + response.status() + " "
                    + new String(bytes(response), StandardCharsets.UTF_8));
        }
    }
}
