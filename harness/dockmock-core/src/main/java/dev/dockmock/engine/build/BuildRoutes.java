package dev.dockmock.engine.build;

import dev.dockmock.dispatch.PathParams;
import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.files.FileSystems;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Json;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** {@code docker build} with the classic builder ({@code POST /build}), {@code POST /build/prune} and {@code docker commit}. */
public final class BuildRoutes {
    private final FileSystems files;
    private final BuildCache cache = new BuildCache();
    private final Committer committer;

    public BuildRoutes(FileSystems files) {
        this.files = files;
        this.committer = new Committer(files);
    }

    public List<Route> routes() {
        return List.of(
                Route.of("POST", "/build", this::build),
                Route.of("POST", "/build/prune", (r, p) -> ApiResponse.json(200, Json.bytes(cache.prune()))),
                Route.of("POST", "/commit", (r, p) -> ApiResponse.json(201, Json.bytes(Map.of("Id", committer.commit(r))))));
    }

    private ApiResponse build(ApiRequest request, PathParams params) {
        BuildRequest build = BuildRequest.from(request, files.context().clock().instant());
        return ApiResponse.streamed(200, ApiResponse.JSON, sink -> {
            try {
                new Build(files, cache, build, new BuildOutput(sink, build.quiet())).run();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
    }
}
