package dev.dockmock.dispatch;

import java.util.Objects;

/**
 * One entry of a route table: a method, a path template and what answers it.
 *
 * @param method the HTTP method ({@code GET} routes also answer {@code HEAD})
 * @param template the path without the version prefix, such as {@code /containers/{id}/json}
 * @param handler what answers matching requests
 */
public record Route(String method, PathTemplate template, RouteHandler handler) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(handler, "handler");
    }

    public static Route of(String method, String template, RouteHandler handler) {
        return new Route(method, PathTemplate.parse(template), handler);
    }

    boolean answers(String requestMethod) {
        return method.equals(requestMethod) || (method.equals("GET") && requestMethod.equals("HEAD"));
    }
}
