package dev.dockmock.engine.networks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.dispatch.PathParams;
import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.system.RequestJson;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The network API: list, inspect, create, remove, connect, disconnect and prune. */
public final class NetworkRoutes {
    private final EngineContext context;
    private final NetworkMembers members;
    private final NetworkRemoval removal;
    private final ClusterNetworks cluster;

    public NetworkRoutes(EngineContext context, NetworkMembers members) {
        this(context, members, ClusterNetworks.NONE);
    }

    /** @param cluster whether the engine's swarm lets overlay networks be created */
    public NetworkRoutes(EngineContext context, NetworkMembers members, ClusterNetworks cluster) {
        this.context = context;
        this.members = members;
        this.removal = new NetworkRemoval(context, members);
        this.cluster = cluster;
    }

    public List<Route> routes() {
        return List.of(
                Route.of("GET", "/networks", this::list),
                Route.of("GET", "/networks/", this::list),
                Route.of("POST", "/networks/create", this::create),
                Route.of("POST", "/networks/prune", this::prune),
                Route.of("GET", "/networks/{id}", this::inspect),
                Route.of("DELETE", "/networks/{id}", this::remove),
                Route.of("POST", "/networks/{id}/connect", this::connect),
                Route.of("POST", "/networks/{id}/disconnect", this::disconnect));
    }

    private ApiResponse list(ApiRequest request, PathParams params) {
        synchronized (context.lock()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Network network : NetworkList.matching(context.networks(), members, request.query().first("filters").orElse(null))) {
                list.add(NetworkDocuments.document(network, List.of()));
            }
            return ApiResponse.json(200, Json.bytes(list));
        }
    }

    private ApiResponse inspect(ApiRequest request, PathParams params) {
        String verbose = request.query().first("verbose").orElse("");
        if (!verbose.isEmpty() && !verbose.matches("1|t|T|TRUE|true|True|0|f|F|FALSE|false|False")) {
            throw new DockerException(400, "invalid value for verbose: " + verbose + ": strconv.ParseBool: parsing \""
                    + verbose + "\": invalid syntax");
        }
        Network found;
        synchronized (context.lock()) {
            found = NetworkLookup.forInspect(context.networks(), params.get("id"), request.query().first("scope").orElse(""));
        }
        // the swarm's lock comes before the engine's: ask the swarm first
        Map<String, Object> extra = verbose.matches("1|t|T|TRUE|true|True") && found.scope().equals("swarm")
                ? cluster.verbose(found) : Map.of();
        synchronized (context.lock()) {
            Map<String, Object> doc = NetworkDocuments.document(found, members.active(found));
            doc.putAll(extra);
            return ApiResponse.json(200, Json.bytes(doc));
        }
    }

    private ApiResponse create(ApiRequest request, PathParams params) {
        JsonNode body = RequestJson.object(request);
        dev.dockmock.engine.system.RequestShapes.NETWORK_CREATE.check(body);
        Network network;
        if (NetworkCreation.swarmScoped(body) && cluster.worker()) {
            throw new DockerException(403, "Cannot create a multi-host network from a worker node. Please create the network "
                    + "from a manager node.");
        }
        boolean manager = cluster.active();   // asked before the engine's lock: the swarm's lock comes first
        if (NetworkCreation.swarmScoped(body) && manager) {
            network = cluster.create(body);
        } else {
            synchronized (context.lock()) {
                network = NetworkCreation.create(context, body, manager);
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Id", network.id());
        answer.put("Warning", "");
        return ApiResponse.json(201, Json.bytes(answer));
    }

    private ApiResponse remove(ApiRequest request, PathParams params) {
        Network swarmNetwork;
        boolean manager = cluster.active();   // asked before the engine's lock: the swarm's lock comes first
        synchronized (context.lock()) {
            Network network = NetworkLookup.unique(context.networks(), params.get("id"));
            if (!network.scope().equals("swarm") || !manager) {
                removal.remove(params.get("id"));
                return ApiResponse.empty(204);
            }
            swarmNetwork = network;
        }
        cluster.remove(swarmNetwork);
        synchronized (context.lock()) {
            NetworkEvents.publish(context.events(), swarmNetwork, "destroy", Map.of());
            context.changed();
        }
        return ApiResponse.empty(204);
    }

    private ApiResponse connect(ApiRequest request, PathParams params) {
        JsonNode body = RequestJson.object(request);
        EndpointRequest endpoint = EndpointRequest.from(body.path("EndpointConfig"));
        synchronized (context.lock()) {
            members.connect(body.path("Container").asText(""), params.get("id"), endpoint);
        }
        return ApiResponse.empty(200);
    }

    private ApiResponse disconnect(ApiRequest request, PathParams params) {
        JsonNode body = RequestJson.object(request);
        synchronized (context.lock()) {
            members.disconnect(body.path("Container").asText(""), params.get("id"), body.path("Force").asBoolean(false));
        }
        return ApiResponse.empty(200);
    }

    /**
     * Local networks go as dockerd's local prune removes them; on a manager, so do the swarm's
     * unused networks ({@code ingress} aside), each asked of the swarm, where one in use by a
     * service or task stays, as dockerd's cluster prune ignores its "in use" error.
     */
    private ApiResponse prune(ApiRequest request, PathParams params) {
        List<Network> swarmCandidates = new ArrayList<>();
        List<String> deleted;
        synchronized (context.lock()) {
            deleted = removal.prune(request.query().first("filters").orElse(null), swarmCandidates);
        }
        if (cluster.active()) {
            for (Network network : swarmCandidates) {
                if (network.ingress()) {
                    continue;
                }
                try {
                    cluster.remove(network);
                } catch (DockerException inUse) {
                    continue;
                }
                synchronized (context.lock()) {
                    NetworkEvents.publish(context.events(), network, "destroy", Map.of());
                    context.changed();
                }
                deleted.add(network.name());
            }
        }
        synchronized (context.lock()) {
            removal.pruned();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("NetworksDeleted", deleted.isEmpty() ? null : deleted);
        return ApiResponse.json(200, Json.bytes(answer));
    }
}
