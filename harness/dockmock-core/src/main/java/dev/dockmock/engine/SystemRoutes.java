package dev.dockmock.engine;

import dev.dockmock.dispatch.PathParams;
import dev.dockmock.dispatch.Route;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /_ping}, {@code /version} and {@code /info}: what every client asks first. */
public final class SystemRoutes {
    private final DaemonIdentity identity;
    private final byte[] version;
    private final Supplier<SystemInfo.Counts> counts;
    private final SwarmStatus swarm;

    /** Routes for a daemon with nothing in it. */
    public SystemRoutes(DaemonIdentity identity) {
        this(identity, () -> SystemInfo.Counts.NONE, SwarmStatus.INACTIVE);
    }

    SystemRoutes(DaemonIdentity identity, Supplier<SystemInfo.Counts> counts, SwarmStatus swarm) {
        this.identity = identity;
        this.counts = counts;
        this.swarm = swarm;
        this.version = Json.bytes(versionDocument());
    }

    public List<Route> routes() {
        return List.of(
                Route.of("GET", "/_ping", this::ping),
                Route.of("GET", "/version", (r, p) -> ApiResponse.json(200, version)),
                Route.of("GET", "/info", this::info));
    }

    /** The answers for each swarm state, built once: the ping is the hottest path there is. */
    private static final Map<String, ApiResponse> PINGS = Map.of(
            "inactive", ping("inactive"),
            "pending", ping("pending"),
            "error", ping("error"),
            "locked", ping("locked"),
            "active/worker", ping("active/worker"),
            "active/manager", ping("active/manager"));

    private static ApiResponse ping(String swarmState) {
        return ApiResponse.builder(200)
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("Cache-Control", "no-cache, no-store, must-revalidate")
                .header("Pragma", "no-cache")
                .header("Builder-Version", "1")
                .header("Swarm", swarmState)
                .body("OK")
                .build();
    }

    private ApiResponse ping(ApiRequest request, PathParams params) {
        String state = swarm.pingState();
        ApiResponse answer = PINGS.get(state);
        return answer != null ? answer : ping(state);
    }

    private ApiResponse info(ApiRequest request, PathParams params) {
        return ApiResponse.json(200, Json.bytes(new SystemInfo(identity, counts.get(), swarm.info()).document()));
    }

    private Map<String, Object> versionDocument() {
        String api = identity.apiRange().max().toString();
        String minApi = identity.apiRange().min().toString();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ApiVersion", api);
        details.put("Arch", "amd64");
        details.put("BuildTime", "2025-05-30T12:00:00.000000000+00:00");
        details.put("Experimental", "false");
        details.put("GitCommit", "dockmock");
        details.put("GoVersion", "go1.24.3");
        details.put("KernelVersion", SystemInfo.KERNEL);
        details.put("MinAPIVersion", minApi);
        details.put("Os", "linux");
        Map<String, Object> engine = new LinkedHashMap<>();
        engine.put("Name", "Engine");
        engine.put("Version", identity.engineVersion());
        engine.put("Details", details);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Platform", Map.of("Name", "dockmock (fake Docker Engine)"));
        List<Map<String, Object>> components = new ArrayList<>();
        components.add(engine);
        BundledBinary.ALL.forEach(binary -> components.add(binary.versionComponent()));
        doc.put("Components", components);
        doc.put("Version", identity.engineVersion());
        doc.put("ApiVersion", api);
        doc.put("MinAPIVersion", minApi);
        doc.put("GitCommit", "dockmock");
        doc.put("GoVersion", "go1.24.3");
        doc.put("Os", "linux");
        doc.put("Arch", "amd64");
        doc.put("KernelVersion", SystemInfo.KERNEL);
        doc.put("BuildTime", "2025-05-30T12:00:00.000000000+00:00");
        return doc;
    }
}
