package dev.dockmock.engine.images;

import dev.dockmock.dispatch.PathParams;
import dev.dockmock.dispatch.Route;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Pull, list, inspect, tag, history, search and distribution inspect. */
public final class ImageRoutes {
    private final EngineContext context;
    private final ImageUsers users;
    private final ImageRemoval removal;

    public ImageRoutes(EngineContext context, ImageUsers users) {
        this.context = context;
        this.users = users;
        this.removal = new ImageRemoval(context, users);
    }

    public List<Route> routes() {
        return List.of(
                Route.of("POST", "/images/create", (r, p) -> new Puller(context).pull(r)),
                Route.of("GET", "/images/json", (r, p) -> ApiResponse.json(200, Json.bytes(ImageList.list(context, r, users)))),
                Route.of("POST", "/images/prune", removal::prune),
                Route.of("GET", "/images/search", this::search),
                Route.of("GET", "/images/{name*}/json", this::inspect),
                Route.of("GET", "/images/{name*}/history", this::history),
                Route.of("POST", "/images/{name*}/tag", this::tag),
                Route.of("POST", "/images/{name*}/push", (r, p) -> new Pusher(context).push(r, p.get("name"))),
                Route.of("DELETE", "/images/{name*}", removal::delete),
                Route.of("GET", "/distribution/{name*}/json", this::distribution));
    }

    private ApiResponse inspect(ApiRequest request, PathParams params) {
        synchronized (context.lock()) {
            return ApiResponse.json(200, Json.bytes(ImageDocuments.inspect(context.images().get(params.get("name")))));
        }
    }

    private ApiResponse history(ApiRequest request, PathParams params) {
        synchronized (context.lock()) {
            return ApiResponse.json(200, Json.bytes(ImageDocuments.history(context.images().get(params.get("name")))));
        }
    }

    private ApiResponse tag(ApiRequest request, PathParams params) {
        String repo = request.query().first("repo").orElse("");
        String tag = request.query().first("tag").orElse("");
        if (repo.isEmpty()) {
            throw new DockerException(400, "repository name (repo) is required");
        }
        ImageReference target = ImageReference.parse(tag.isEmpty() ? repo : repo + ":" + tag);
        if (target.digest() != null) {
            throw new DockerException(400, "refusing to create a tag with a digest reference");
        }
        synchronized (context.lock()) {
            Image image = context.images().get(params.get("name"));
            String familiar = target.familiarTagged();
            context.images().untagEverywhere(familiar);
            Image current = context.images().get(image.id());
            List<String> tags = new ArrayList<>(current.repoTags());
            tags.add(familiar);
            context.images().put(current.withTags(tags));
            context.events().publish("image", "tag", image.id(), Map.of("name", familiar));
            context.changed();
        }
        return ApiResponse.empty(201);
    }

    private ApiResponse search(ApiRequest request, PathParams params) {
        String term = request.query().first("term").orElse("");
        if (term.isEmpty()) {
            throw new DockerException(400, "term is required");
        }
        int limit = request.query().first("limit").map(Integer::parseInt).orElse(25);
        List<Map<String, Object>> results = new ArrayList<>();
        for (ImageCatalogue.Entry entry : context.catalogue().entries()) {
            String name = entry.repository();
            if (name.contains(term) && results.stream().noneMatch(r -> r.get("name").equals(name)) && results.size() < limit) {
                results.add(Map.of("name", name, "description", "The " + name + " image (dockmock catalogue)",
                        "star_count", 1000, "is_official", !name.contains("/"), "is_automated", false));
            }
        }
        return ApiResponse.json(200, Json.bytes(results));
    }

    private ApiResponse distribution(ApiRequest request, PathParams params) {
        ImageReference reference = ImageReference.parse(params.get("name"));
        ImageCatalogue.Entry entry = context.catalogue().find(reference).orElseThrow(() -> new DockerException(401,
                "errors:\ndenied: requested access to the resource is denied\nunauthorized: authentication required\n"));
        String digest = entry.image().repoDigests().get(0);
        return ApiResponse.json(200, Json.bytes(Map.of(
                "Descriptor", Map.of("mediaType", "application/vnd.oci.image.index.v1+json",
                        "digest", digest.substring(digest.indexOf('@') + 1), "size", 1024),
                "Platforms", List.of(Map.of("architecture", "amd64", "os", "linux")))));
    }
}
