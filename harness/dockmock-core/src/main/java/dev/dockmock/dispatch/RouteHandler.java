package dev.dockmock.dispatch;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;

/** Answers the requests of one route, with the path's named parts already taken out. */
@FunctionalInterface
public interface RouteHandler {

    ApiResponse handle(ApiRequest request, PathParams params);
}
