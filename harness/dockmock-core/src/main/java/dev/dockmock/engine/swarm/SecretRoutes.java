package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.dispatch.PathParams;
import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.Filters;
import dev.dockmock.engine.system.RequestJson;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code /secrets} or {@code /configs}: create, list, inspect, update (labels only), remove. */
final class SecretRoutes {
    private static final Set<String> FILTERS = Set.of("id", "label", "name", "names");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9](?:[a-zA-Z0-9-_.]{0,62}[a-zA-Z0-9])?");
    private static final int MAX_DATA = 500 * 1024;
    private static final String INVALID = "rpc error: code = InvalidArgument desc = ";

    private final Swarm swarm;
    private final StoredObject.Kind kind;

    SecretRoutes(Swarm swarm, StoredObject.Kind kind) {
        this.swarm = swarm;
        this.kind = kind;
    }

    List<Route> routes() {
        String base = "/" + kind.plural();
        return List.of(
                Route.of("POST", base + "/create", this::create),
                Route.of("GET", base, this::list),
                Route.of("GET", base + "/{id}", this::inspect),
                Route.of("POST", base + "/{id}/update", this::update),
                Route.of("DELETE", base + "/{id}", this::remove));
    }

    private ApiResponse create(ApiRequest request, PathParams params) {
        ClusterState cluster = swarm.manager();
        ObjectNode spec = ((ObjectNode) RequestJson.object(request)).deepCopy();
        String name = spec.path("Name").asText("");
        if (!NAME.matcher(name).matches()) {
            throw new DockerException(400, INVALID + "invalid name, only 64 [a-zA-Z0-9-_.] characters allowed, and the start "
                    + "and end character must be [a-zA-Z0-9]");
        }
        byte[] data = data(spec.path("Data"));
        boolean external = !spec.path("Driver").path("Name").asText("").isEmpty();
        if (!external && (data.length == 0 || data.length >= MAX_DATA)) {
            throw new DockerException(400, INVALID + kind.singular() + " data must be larger than 0 and less than " + MAX_DATA
                    + " bytes");
        }
        if (!spec.path("Labels").isObject()) {
            spec.set("Labels", spec.objectNode());
        }
        synchronized (cluster.lock()) {
            if (cluster.objects(kind).values().stream().anyMatch(o -> o.name().equals(name))) {
                throw new DockerException(409, "rpc error: code = AlreadyExists desc = " + kind.singular() + " " + name
                        + " already exists");
            }
            String id = cluster.ids().next();
            cluster.objects(kind).put(id, new StoredObject(kind, id, Meta.created(cluster.nextIndex(), cluster.now()), spec));
            cluster.events().publish(kind.singular(), "create", id, name);
            return ApiResponse.json(201, Json.bytes(Map.of("ID", id)));
        }
    }

    private static byte[] data(JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(node.asText());
        } catch (IllegalArgumentException e) {
            throw new DockerException(400, "invalid JSON: illegal base64 data");
        }
    }

    private ApiResponse list(ApiRequest request, PathParams params) {
        ClusterState cluster = swarm.manager();
        Filters filters = Filters.parse(request.query().first("filters").orElse(null)).accept(FILTERS);
        synchronized (cluster.lock()) {
            List<Object> found = new ArrayList<>();
            for (StoredObject object : cluster.objects(kind).values()) {
                if (filters.anyMatches("id", object.id()::startsWith)
                        && filters.anyMatches("name", object.name()::startsWith)
                        && filters.anyMatches("names", object.name()::equals)
                        && filters.labelsMatch("label", object.labels())) {
                    found.add(object.document());
                }
            }
            return ApiResponse.json(200, Json.bytes(found));
        }
    }

    private ApiResponse inspect(ApiRequest request, PathParams params) {
        ClusterState cluster = swarm.manager();
        synchronized (cluster.lock()) {
            return ApiResponse.json(200, Json.bytes(cluster.object(kind, params.get("id")).document()));
        }
    }

    private ApiResponse update(ApiRequest request, PathParams params) {
        ClusterState cluster = swarm.manager();
        long version = Versions.of(request, kind.singular());
        JsonNode spec = RequestJson.object(request);
        synchronized (cluster.lock()) {
            StoredObject object = cluster.object(kind, params.get("id"));
            Versions.check(version, object.meta());
            String name = spec.path("Name").asText("");
            boolean dataChanged = spec.has("Data") && !spec.path("Data").equals(object.spec().path("Data"));
            if ((!name.isEmpty() && !name.equals(object.name())) || dataChanged) {
                throw new DockerException(400, INVALID + "only updates to Labels are allowed");
            }
            ObjectNode updated = object.spec().deepCopy();
            updated.set("Labels", spec.path("Labels").isObject() ? spec.get("Labels").deepCopy() : updated.objectNode());
            cluster.objects(kind).put(object.id(), object.withSpec(updated, object.meta().updated(cluster.nextIndex(), cluster.now())));
            cluster.events().publish(kind.singular(), "update", object.id(), object.name());
            return ApiResponse.empty(200);
        }
    }

    private ApiResponse remove(ApiRequest request, PathParams params) {
        ClusterState cluster = swarm.manager();
        synchronized (cluster.lock()) {
            StoredObject object = cluster.object(kind, params.get("id"));
            String field = kind == StoredObject.Kind.SECRET ? "Secrets" : "Configs";
            String idField = kind == StoredObject.Kind.SECRET ? "SecretID" : "ConfigID";
            List<String> users = new ArrayList<>();
            for (SwarmService service : cluster.services.values()) {
                for (JsonNode reference : service.taskTemplate().path("ContainerSpec").path(field)) {
                    if (reference.path(idField).asText().equals(object.id())) {
                        users.add(service.name());
                    }
                }
            }
            if (!users.isEmpty()) {
                throw new DockerException(400, INVALID + kind.singular() + " '" + object.name() + "' is in use by the following "
                        + (users.size() == 1 ? "service" : "services") + ": " + String.join(", ", users));
            }
            cluster.objects(kind).remove(object.id());
            cluster.events().publish(kind.singular(), "remove", object.id(), object.name());
            return ApiResponse.empty(204);
        }
    }
}
