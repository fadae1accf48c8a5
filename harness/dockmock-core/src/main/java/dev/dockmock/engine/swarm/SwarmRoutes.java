package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.dispatch.PathParams;
import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.system.RequestJson;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.util.List;
import java.util.Map;

/** {@code /swarm}: init, join, leave, inspect, update, the unlock key. */
final class SwarmRoutes {
    private final Swarm swarm;
    private final MembershipSlot slot;

    /** @param slot the engine's membership, which {@code init}, {@code join} and {@code leave} change */
    SwarmRoutes(Swarm swarm, MembershipSlot slot) {
        this.swarm = swarm;
        this.slot = slot;
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", "/swarm/init", (r, p) -> ApiResponse.json(200, Json.line(slot.init(RequestJson.object(r))))),
                Route.of("POST", "/swarm/join", (r, p) -> {
                    slot.join(RequestJson.object(r));
                    return ApiResponse.empty(200);
                }),
                Route.of("POST", "/swarm/leave", this::leave),
                Route.of("GET", "/swarm", this::inspect),
                Route.of("POST", "/swarm/update", this::update),
                Route.of("GET", "/swarm/unlockkey", this::unlockKey),
                Route.of("POST", "/swarm/unlock", this::unlock));
    }

    private ApiResponse leave(ApiRequest request, PathParams params) {
        try {
            slot.leave(request.query().flag("force", false));
            return ApiResponse.empty(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException(500, "interrupted while leaving the swarm");
        }
    }

    private ApiResponse inspect(ApiRequest request, PathParams params) {
        ClusterState cluster = swarm.manager();
        synchronized (cluster.lock()) {
            return ApiResponse.json(200, Json.bytes(cluster.info().document()));
        }
    }

    private ApiResponse update(ApiRequest request, PathParams params) {
        ClusterState cluster = swarm.manager();
        long version = Versions.of(request, "swarm");
        ObjectNode body = (ObjectNode) RequestJson.object(request);
        refuseGivenCa(body);
        synchronized (cluster.lock()) {
            ClusterInfo info = cluster.info();
            Versions.check(version, info.meta());
            ClusterInfo merged = info.with(overlay(info.spec(), body), info.workerToken(), info.managerToken(),
                    info.unlockKey(), info.meta());
            SwarmIds ids = cluster.ids();
            if (forceRotate(merged) != forceRotate(info)) {
                // swarmkit's root rotation; every node shows the new root at once, so it is never in progress
                TrustRoot root = RootCertificate.generate(ids.seed(), cluster.now());
                String digest = SwarmIds.caDigest(root.pem());
                merged = merged.withRoot(root, digest, ids.joinToken(digest), ids.joinToken(digest));
            }
            String worker = request.query().flag("rotateWorkerToken", false) ? ids.joinToken(merged.caDigest()) : merged.workerToken();
            String manager = request.query().flag("rotateManagerToken", false) ? ids.joinToken(merged.caDigest())
                    : merged.managerToken();
            String key = !merged.autoLock() ? ""
                    : info.unlockKey().isEmpty() || request.query().flag("rotateManagerUnlockKey", false) ? ids.unlockKey()
                    : info.unlockKey();
            cluster.info(merged.with(merged.spec(), worker, manager, key, info.meta().updated(cluster.nextIndex(), cluster.now())));
            return ApiResponse.empty(200);
        }
    }

    private static long forceRotate(ClusterInfo info) {
        return info.spec().path("CAConfig").path("ForceRotate").asLong(0);
    }

    /** A CA certificate and key of the user's would need a real CA; only a rotation to a new generated root is offered. */
    private static void refuseGivenCa(ObjectNode body) {
        JsonNode ca = body.path("CAConfig");
        if (!ca.path("SigningCACert").asText("").isEmpty() || !ca.path("SigningCAKey").asText("").isEmpty()) {
            throw new DockerException(501, "dockmock: rotating to a given CA certificate and key (--ca-cert, --ca-key) is not "
                    + "implemented; docker swarm ca --rotate without them makes a new root");
        }
    }

    /** The given spec over the current one, keeping what it does not mention. */
    private static ObjectNode overlay(ObjectNode current, ObjectNode given) {
        ObjectNode result = current.deepCopy();
        given.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            JsonNode existing = result.get(field.getKey());
            if (value.isObject() && existing != null && existing.isObject()) {
                result.set(field.getKey(), overlay((ObjectNode) existing, (ObjectNode) value));
            } else if (!value.isNull()) {
                result.set(field.getKey(), value.deepCopy());
            }
        });
        return result;
    }

    private ApiResponse unlockKey(ApiRequest request, PathParams params) {
        ClusterState cluster = swarm.manager();
        synchronized (cluster.lock()) {
            return ApiResponse.json(200, Json.bytes(Map.of("UnlockKey", cluster.info().unlockKey())));
        }
    }

    private ApiResponse unlock(ApiRequest request, PathParams params) {
        slot.unlock(RequestJson.object(request).path("UnlockKey").asText(""));
        return ApiResponse.empty(200);
    }
}
