package dev.dockmock.engine.volumes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.dispatch.PathParams;
import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.Filters;
import dev.dockmock.engine.files.FileTree;
import dev.dockmock.engine.system.RequestJson;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ApiVersion;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The volume API: list, create, inspect, remove and prune. A volume's files live in memory; no path on the host is touched. */
public final class VolumeRoutes {
    private static final ApiVersion PRUNE_ANONYMOUS_ONLY = new ApiVersion(1, 42);
    private static final String NOT_A_MANAGER = "This node is not a swarm manager. Use \"docker swarm init\" or "
            + "\"docker swarm join\" to connect this node to swarm and try again.";

    private final EngineContext context;
    private final Volumes volumes;
    private final VolumeMounting mounting;

    public VolumeRoutes(EngineContext context, Volumes volumes, VolumeMounting mounting) {
        this.context = context;
        this.volumes = volumes;
        this.mounting = mounting;
    }

    public List<Route> routes() {
        return List.of(
                Route.of("GET", "/volumes", this::list),
                Route.of("POST", "/volumes/create", this::create),
                Route.of("POST", "/volumes/prune", this::prune),
                Route.of("GET", "/volumes/{name*}", this::inspect),
                Route.of("PUT", "/volumes/{name*}", (r, p) -> {
                    throw new DockerException(503, "volume update only valid for cluster volumes, but swarm is unavailable");
                }),
                Route.of("DELETE", "/volumes/{name*}", this::remove));
    }

    private ApiResponse list(ApiRequest request, PathParams params) {
        synchronized (context.lock()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Volume volume : VolumeList.matching(volumes, mounting, request.query().first("filters").orElse(null))) {
                list.add(volume.document());
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("Volumes", list);
            answer.put("Warnings", null);
            return ApiResponse.json(200, Json.bytes(answer));
        }
    }

    private ApiResponse create(ApiRequest request, PathParams params) {
        JsonNode body = RequestJson.object(request);
        dev.dockmock.engine.system.RequestShapes.VOLUME_CREATE.check(body);
        if (body.hasNonNull("ClusterVolumeSpec") && !before(request, PRUNE_ANONYMOUS_ONLY)) {
            throw new DockerException(503, NOT_A_MANAGER);
        }
        synchronized (context.lock()) {
            Volume volume = volumes.create(body.path("Name").asText(""), body.path("Driver").asText(""),
                    strings(body.path("DriverOpts")), strings(body.path("Labels")));
            return ApiResponse.json(201, Json.bytes(volume.document()));
        }
    }

    private ApiResponse inspect(ApiRequest request, PathParams params) {
        synchronized (context.lock()) {
            return ApiResponse.json(200, Json.bytes(volumes.get(params.get("name")).document()));
        }
    }

    private ApiResponse remove(ApiRequest request, PathParams params) {
        String name = params.get("name");
        synchronized (context.lock()) {
            Volume volume = volumes.find(name).orElse(null);
            if (volume == null) {
                if (request.query().flag("force", false)) {
                    return ApiResponse.empty(204);
                }
                throw new DockerException(404, "get " + name + ": no such volume");
            }
            List<String> users = mounting.users(name);
            if (!users.isEmpty()) {
                throw new DockerException(409, "remove " + name + ": volume is in use - [" + String.join(", ", users) + "]");
            }
            volumes.remove(volume);
        }
        return ApiResponse.empty(204);
    }

    private ApiResponse prune(ApiRequest request, PathParams params) {
        Filters filters = Filters.parse(request.query().first("filters").orElse(null)).accept(Set.of("label", "label!", "all"));
        boolean all = before(request, PRUNE_ANONYMOUS_ONLY) || all(filters);
        synchronized (context.lock()) {
            List<String> deleted = new ArrayList<>();
            long reclaimed = 0;
            for (Volume volume : volumes.all()) {
                Map<String, String> labels = volume.labelsOrEmpty();
                if ((!all && !volume.anonymous()) || !filters.labelsMatch("label", labels)
                        || (filters.has("label!") && filters.labelsMatch("label!", labels))
                        || (volume.options() != null && !volume.options().isEmpty())
                        || !mounting.users(volume.name()).isEmpty()) {
                    continue;
                }
                reclaimed += volumes.contents(volume.name()).map(FileTree::contentSize).orElse(0L);
                volumes.remove(volume);
                deleted.add(volume.name());
            }
            context.events().publish("volume", "prune", "", Map.of("reclaimed", String.valueOf(reclaimed)));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("VolumesDeleted", deleted);
            answer.put("SpaceReclaimed", reclaimed);
            return ApiResponse.json(200, Json.bytes(answer));
        }
    }

    /** The prune filter {@code all}: also named volumes (API 1.42 and later prune anonymous ones only). */
    private static boolean all(Filters filters) {
        List<String> values = filters.get("all");
        if (values.size() > 1) {
            throw new DockerException(400, "invalid filter 'all=[" + String.join(" ", values) + "]': only one value is expected");
        }
        if (values.isEmpty()) {
            return false;
        }
        return switch (values.get(0)) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            case "0", "f", "F", "false", "FALSE", "False" -> false;
            default -> throw new DockerException(400, "invalid filter 'all': strconv.ParseBool: parsing \"" + values.get(0)
                    + "\": invalid syntax");
        };
    }

    private boolean before(ApiRequest request, ApiVersion version) {
        return request.version().map(v -> v.isBefore(version)).orElse(false);
    }

    private static Map<String, String> strings(JsonNode object) {
        if (!object.isObject()) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
