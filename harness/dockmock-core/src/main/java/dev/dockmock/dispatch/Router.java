package dev.dockmock.dispatch;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dispatcher over a route table. Paths arrive without their {@code /v1.NN} prefix (the
 * request value has split it off), so each route is written once and answers both forms.
 * Unknown routes get dockerd's {@code 404 {"message":"page not found"}}; a handler that throws
 * {@link DockerException} gets its error as the answer.
 */
public final class Router implements Dispatcher {
    private final Map<String, List<Route>> byFirstSegment = new HashMap<>();
    private final List<Route> rest = new ArrayList<>();
    private final List<Route> all;

    public Router(Collection<Route> routes) {
        this.all = List.copyOf(routes);
        for (Route route : all) {
            String first = route.template().firstLiteral();
            if (first.isEmpty()) {
                rest.add(route);
            } else {
                byFirstSegment.computeIfAbsent(first, k -> new ArrayList<>()).add(route);
            }
        }
    }

    /** The routes, in the order given. */
    public List<Route> routes() {
        return all;
    }

    @Override
    public ApiResponse dispatch(ApiRequest request) {
        String path = request.path();
        int end = path.indexOf('/', 1);
        String first = end < 0 ? path.substring(1) : path.substring(1, end);
        try {
            ApiResponse answer = tryRoutes(byFirstSegment.getOrDefault(first, List.of()), request);
            if (answer == null) {
                answer = tryRoutes(rest, request);
            }
            return answer != null ? answer : notFound();
        } catch (DockerException e) {
            return e.error().toResponse();
        }
    }

    private static ApiResponse tryRoutes(List<Route> routes, ApiRequest request) {
        for (Route route : routes) {
            if (!route.answers(request.method())) {
                continue;
            }
            PathParams params = route.template().match(request.path());
            if (params != null) {
                return route.handler().handle(request, params);
            }
        }
        return null;
    }

    /** dockerd's answer to a path it has no route for. */
    public static ApiResponse notFound() {
        return ApiResponse.error(404, "page not found");
    }
}
