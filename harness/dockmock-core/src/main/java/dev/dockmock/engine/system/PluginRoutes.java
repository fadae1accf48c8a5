package dev.dockmock.engine.system;

import dev.dockmock.dispatch.PathParams;
import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.Filters;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import java.util.List;
import java.util.Set;

/** The plugin API of a daemon with no plugins installed: an empty list, and {@code plugin "x" not found} for the rest. */
public final class PluginRoutes {

    public List<Route> routes() {
        return List.of(
                Route.of("GET", "/plugins", this::list),
                Route.of("GET", "/plugins/{name*}/json", PluginRoutes::notFound),
                Route.of("DELETE", "/plugins/{name*}", PluginRoutes::notFound),
                Route.of("POST", "/plugins/{name*}/enable", PluginRoutes::notFound),
                Route.of("POST", "/plugins/{name*}/disable", PluginRoutes::notFound),
                Route.of("POST", "/plugins/{name*}/set", PluginRoutes::notFound),
                Route.of("POST", "/plugins/{name*}/push", PluginRoutes::notFound),
                Route.of("POST", "/plugins/{name*}/upgrade", PluginRoutes::notFound));
    }

    private ApiResponse list(ApiRequest request, PathParams params) {
        Filters filters = Filters.parse(request.query().first("filters").orElse(null)).accept(Set.of("capability", "enable"));
        for (String value : filters.get("enable")) {
            if (!value.equals("true") && !value.equals("false")) {
                throw new DockerException(400, "Invalid filter 'enable=" + value + "'");
            }
        }
        return ApiResponse.json(200, "[]");
    }

    private static ApiResponse notFound(ApiRequest request, PathParams params) {
        throw new DockerException(404, "plugin \"" + params.get("name") + "\" not found");
    }
}
