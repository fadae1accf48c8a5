package dev.dockmock.engine.containers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.dispatch.PathParams;
import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.images.Image;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.util.List;
import java.util.Map;

/** Creating, inspecting and changing the state of containers. */
public final class ContainerRoutes {
    private final EngineContext context;
    private final Containers containers;
    private final Lifecycle lifecycle;
    private final ContainerListCache listCache = new ContainerListCache();
    private final ImageLookup images;

    public ContainerRoutes(EngineContext context, Containers containers, Lifecycle lifecycle) {
        this.context = context;
        this.containers = containers;
        this.lifecycle = lifecycle;
        this.images = new ImageLookup(context);
    }

    public List<Route> routes() {
        return List.of(
                Route.of("POST", "/containers/create", this::create),
                Route.of("GET", "/containers/json", this::list),
                Route.of("GET", "/containers/{id}/json", this::inspect),
                Route.of("POST", "/containers/{id}/start", (r, p) -> lifecycle.start(p.get("id")) ? ApiResponse.empty(204) : ApiResponse.empty(304)),
                Route.of("POST", "/containers/{id}/stop", this::stop),
                Route.of("POST", "/containers/{id}/restart", this::restart),
                Route.of("POST", "/containers/{id}/kill", this::kill),
                Route.of("DELETE", "/containers/{id}", this::remove),
                Route.of("POST", "/containers/{id}/rename", this::rename),
                Route.of("POST", "/containers/{id}/pause", (r, p) -> {
                    lifecycle.pause(p.get("id"));
                    return ApiResponse.empty(204);
                }),
                Route.of("POST", "/containers/{id}/unpause", (r, p) -> {
                    lifecycle.unpause(p.get("id"));
                    return ApiResponse.empty(204);
                }));
    }

    private ApiResponse list(ApiRequest request, PathParams params) {
        byte[] cached = listCache.get(request.target(), ContainerList.version(context, containers), java.time.Instant.now());
        if (cached != null) {
            return ApiResponse.json(200, cached);
        }
        ContainerList.Built built = ContainerList.build(context, containers, request);
        byte[] body = Json.bytes(built.entries());
        listCache.put(request.target(), built.version(), built.validUntil(), body);
        return ApiResponse.json(200, body);
    }

    private ApiResponse create(ApiRequest request, PathParams params) {
        if (request.body().length == 0) {
            throw new DockerException(400, "invalid JSON: got EOF while reading request body");
        }
        JsonNode body = Json.parse(request.body());
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw new DockerException(400, "Config cannot be empty in order to create a container");
        }
        dev.dockmock.engine.system.RequestShapes.CONTAINER_CREATE.check(body);
        String imageName = body.path("Image").asText("");
        if (imageName.isEmpty()) {
            throw new DockerException(400, "No image specified");
        }
        Image image = images.remembered(imageName);
        if (image == null) {
            synchronized (context.lock()) {
                image = images.find(imageName);
            }
        }
        // The spec is built outside the lock (it copies and merges JSON); the lock is taken
        // only to check the name, the image and the networks and volumes, and to insert.
        String name = ContainerNames.checkName(request.query().first("name").orElse(null));
        String id = context.ids().next();
        ContainerSpec spec;
        try {
            spec = ContainerSpec.create(body, request.body(), image, imageName, id, context.identity().name());
        } catch (DockerException e) {
            synchronized (context.lock()) {
                containers.checkFree(name); // a taken name was reported before a bad spec
            }
            throw e;
        }
        // Also outside the lock: the container object and, unless the client named it, a name
        // that was free a moment ago; inside, only the checks, the insert and the event remain.
        Container container = containers.prepare(id, name, image, spec, context.clock().instant());
        synchronized (context.lock()) {
            if (images.remembered(imageName) != image) {
                // the store changed meanwhile: resolve again, as a create under one lock would have
                Image current = images.find(imageName);
                if (current != image) {
                    image = current;
                    spec = ContainerSpec.create(body, request.body(), image, imageName, id, context.identity().name());
                    container = containers.prepare(id, name, image, spec, context.clock().instant());
                }
            }
            containers.checkFree(name);
            Networking.check(context, spec, body.path("NetworkingConfig"));
            List<VolumeMount> volumes = VolumeMounts.resolve(body, image, context.ids());
            containers.volumeUse().check(volumes);
            containers.volumeUse().checkBinds(body.path("HostConfig"));
            containers.insert(container, name != null);
            container.volumeMounts(volumes);
            containers.volumeUse().created(container);
            Networking.requestedNetworks(context, container, body.path("NetworkingConfig"));
            new ContainerEvents(context.events()).publish(container, "create");
            context.changed();
        }
        return ApiResponse.json(201, CreatedBody.of(container.id()));
    }

    private ApiResponse inspect(ApiRequest request, PathParams params) {
        synchronized (context.lock()) {
            Container container = containers.get(params.get("id"));
            Map<String, Object> doc = ContainerDocuments.inspect(container, context.networks());
            if (request.query().flag("size", false)) {
                doc.put("SizeRw", 0);
                doc.put("SizeRootFs", context.images().find(container.imageId()).map(Image::size).orElse(0L));
            }
            return ApiResponse.json(200, Json.bytes(doc));
        }
    }

    private ApiResponse stop(ApiRequest request, PathParams params) {
        try {
            return lifecycle.stop(params.get("id"), timeout(request), request.query().first("signal").orElse(null))
                    ? ApiResponse.empty(204) : ApiResponse.empty(304);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException(500, "interrupted while stopping");
        }
    }

    private ApiResponse restart(ApiRequest request, PathParams params) {
        try {
            lifecycle.restart(params.get("id"), timeout(request), request.query().first("signal").orElse(null));
            return ApiResponse.empty(204);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException(500, "interrupted while restarting");
        }
    }

    private static Integer timeout(ApiRequest request) {
        String text = request.query().first("t").or(() -> request.query().first("timeout")).orElse(null);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new DockerException(400, "invalid value for timeout: " + text);
        }
    }

    private ApiResponse kill(ApiRequest request, PathParams params) {
        lifecycle.kill(params.get("id"), request.query().first("signal").orElse(null));
        return ApiResponse.empty(204);
    }

    private ApiResponse remove(ApiRequest request, PathParams params) {
        try {
            lifecycle.remove(params.get("id"), request.query().flag("force", false), request.query().flag("v", false));
            return ApiResponse.empty(204);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerException(500, "interrupted while removing");
        }
    }

    private ApiResponse rename(ApiRequest request, PathParams params) {
        String name = request.query().first("name").orElse("");
        if (name.isEmpty()) {
            throw new DockerException(400, "Neither old nor new names may be empty");
        }
        synchronized (context.lock()) {
            Container container = containers.get(params.get("id"));
            String old = container.name();
            containers.rename(container, name);
            new ContainerEvents(context.events()).publish(container, "rename", Map.of("oldName", "/" + old));
            context.changed();
        }
        return ApiResponse.empty(204);
    }
}
