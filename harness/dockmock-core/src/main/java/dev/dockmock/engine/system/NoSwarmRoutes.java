package dev.dockmock.engine.system;

import dev.dockmock.dispatch.PathParams;
import dev.dockmock.dispatch.Route;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.List;

/**
 * The swarm API of a daemon that is not in a swarm: 503 with dockerd's advice. {@code /swarm/init}
 * and {@code /swarm/join} are left out: a real daemon would carry them out, and the engine has no
 * swarm mode to pretend with.
 */
public final class NoSwarmRoutes {
    /** dockerd's answer when this node is not a manager because it is in no swarm at all. */
    public static final String NOT_A_MANAGER = "This node is not a swarm manager. Use \"docker swarm init\" or "
            + "\"docker swarm join\" to connect this node to swarm and try again.";

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        routes.add(Route.of("POST", "/swarm/leave", (r, p) -> {
            throw new DockerException(503, "This node is not part of a swarm");
        }));
        routes.add(Route.of("GET", "/swarm", NoSwarmRoutes::notAManager));
        routes.add(Route.of("GET", "/swarm/unlockkey", NoSwarmRoutes::notAManager));
        routes.add(Route.of("POST", "/swarm/update", NoSwarmRoutes::notAManager));
        routes.add(Route.of("POST", "/swarm/unlock", NoSwarmRoutes::notAManager));
        for (String kind : List.of("services", "nodes", "tasks", "secrets", "configs")) {
            routes.add(Route.of("GET", "/" + kind, NoSwarmRoutes::notAManager));
            routes.add(Route.of("GET", "/" + kind + "/{id}", NoSwarmRoutes::notAManager));
            if (!kind.equals("tasks")) {
                routes.add(Route.of("POST", "/" + kind + "/{id}/update", NoSwarmRoutes::notAManager));
                routes.add(Route.of("DELETE", "/" + kind + "/{id}", NoSwarmRoutes::notAManager));
            }
            if (!kind.equals("tasks") && !kind.equals("nodes")) {
                routes.add(Route.of("POST", "/" + kind + "/create", NoSwarmRoutes::notAManager));
            }
            if (kind.equals("services") || kind.equals("tasks")) {
                routes.add(Route.of("GET", "/" + kind + "/{id}/logs", NoSwarmRoutes::notAManager));
            }
        }
        return routes;
    }

    private static ApiResponse notAManager(ApiRequest request, PathParams params) {
        throw new DockerException(503, NOT_A_MANAGER);
    }
}
