package dev.dockmock.engine.system;

import dev.dockmock.dispatch.PathParams;
import dev.dockmock.dispatch.Route;
import dev.dockmock.dispatch.Router;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Headers;
import dev.dockmock.protocol.ResponseBody;
import java.io.InputStream;
import java.util.List;

/**
 * {@code /session} and {@code /grpc} as a daemon without BuildKit answers them (its ping says
 * {@code Builder-Version: 1}). dockerd always has the session manager, which takes an {@code h2c}
 * upgrade and keeps the connection until the client leaves; {@code /grpc} exists only with a
 * BuildKit backend, so it is {@code page not found}.
 */
public final class BuildKitRoutes {

    public List<Route> routes() {
        return List.of(
                Route.of("POST", "/session", this::session),
                Route.of("POST", "/grpc", (r, p) -> Router.notFound()));
    }

    private ApiResponse session(ApiRequest request, PathParams params) {
        String protocol = request.headers().first("Upgrade").orElse("");
        if (protocol.isEmpty()) {
            throw new DockerException(400, "no upgrade proto in request");
        }
        if (!protocol.equals("h2c")) {
            throw new DockerException(400, "protocol " + protocol + " not supported");
        }
        return new ApiResponse(200, Headers.empty(), new ResponseBody.Hijacked(stream -> {
            InputStream in = stream.input();
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
                // nothing here speaks gRPC; hold the session open until the client ends it
            }
        }));
    }
}
