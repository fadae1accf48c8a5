package dev.dockmock.engine.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.dispatch.PathParams;
import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.containers.Containers;
import dev.dockmock.engine.volumes.VolumeMounting;
import dev.dockmock.engine.volumes.Volumes;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ApiVersion;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code GET /system/df} and {@code POST /auth}. */
public final class DaemonRoutes {
    private static final Set<String> KINDS = Set.of("container", "image", "volume", "build-cache");

    private final EngineContext context;
    private final DiskUsage usage;

    public DaemonRoutes(EngineContext context, Containers containers, Volumes volumes, VolumeMounting mounting) {
        this.context = context;
        this.usage = new DiskUsage(context, containers, volumes, mounting);
    }

    public List<Route> routes() {
        return List.of(
                Route.of("GET", "/system/df", this::diskUsage),
                Route.of("POST", "/auth", this::auth));
    }

    private ApiResponse diskUsage(ApiRequest request, PathParams params) {
        List<String> asked = request.query().all("type");
        Set<String> types = new LinkedHashSet<>(KINDS);
        boolean old = request.version().map(v -> v.isBefore(new ApiVersion(1, 42))).orElse(false);
        if (!old && request.query().asMap().containsKey("type")) {
            types.clear();
            for (String type : asked) {
                if (!KINDS.contains(type)) {
                    throw new DockerException(400, "unknown object type: " + type);
                }
                types.add(type);
            }
        }
        synchronized (context.lock()) {
            return ApiResponse.json(200, Json.bytes(usage.document(types)));
        }
    }

    /**
     * Logs in to no registry at all: every well-formed request succeeds, as dockerd's does
     * against a registry that hands out anonymous tokens.
     */
    private ApiResponse auth(ApiRequest request, PathParams params) {
        if (request.body().length == 0) {
            throw new DockerException(500, "EOF");
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(request.body());
        } catch (IOException e) {
            throw new DockerException(500, "invalid character in request body: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (body != null && !body.isObject() && !body.isNull()) {
            throw new DockerException(500, "json: cannot unmarshal " + body.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + " into Go value of type registry.AuthConfig");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Status", "Login Succeeded");
        answer.put("IdentityToken", "");
        return ApiResponse.json(200, Json.bytes(answer));
    }
}
