package dev.dockmock.engine.images;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /images/{name}/push}: uploads to the fake registry, with dockerd's progress, after
 * which the image can be pulled by that name. Docker Hub refuses pushes without credentials, as
 * the real one does for repositories the client does not own; other registries take any push.
 */
final class Pusher {
    private final EngineContext context;

    Pusher(EngineContext context) {
        this.context = context;
    }

    ApiResponse push(ApiRequest request, String name) {
        String tag = request.query().first("tag").orElse("");
        ImageReference reference = ImageReference.parse(tag.isEmpty() ? name : name + ":" + tag);
        List<ImageReference> targets;
        Image image;
        synchronized (context.lock()) {
            image = context.images().find(reference.familiarTagged())
                    .orElseThrow(() -> new DockerException(404, "No such image: " + reference.familiar()));
            targets = List.of(reference);
        }
        boolean authorised = request.headers().first("X-Registry-Auth").map(a -> !a.isBlank() && !a.equals("e30=")).orElse(false);
        boolean hub = reference.domain().equals(ImageReference.DOCKER_HUB);
        Image pushed = image;
        return ApiResponse.streamed(200, ApiResponse.JSON, sink -> {
            PullStream progress = new PullStream(sink, context.timing().pullStep());
            progress.status("The push refers to repository [" + reference.fullRepository() + "]");
            for (ImageReference target : targets) {
                String layer = pushed.layers().get(0).substring(7, 19);
                progress.status("Preparing", layer);
                if (hub && !authorised) {
                    progress.status("Waiting", layer);
                    progress.error("denied: requested access to the resource is denied");
                    return;
                }
                progress.status("Pushed", layer);
                String digest = "sha256:" + ImageCatalogue.sha256("pushed:" + target.familiarTagged() + ":" + pushed.id());
                progress.status(target.tag() + ": digest: " + digest + " size: 528");
                Map<String, Object> aux = new LinkedHashMap<>();
                aux.put("Tag", target.tag());
                aux.put("Digest", digest);
                aux.put("Size", 528);
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("progressDetail", Map.of());
                message.put("aux", aux);
                sink.send(Json.line(message));
                synchronized (context.lock()) {
                    context.catalogue().publish(target, pushed.withTags(List.of()).withDigests(
                            List.of(target.familiarRepository() + "@" + digest)));
                    context.events().publish("image", "push", target.familiar(), Map.of("name", target.familiarRepository()));
                    context.changed();
                }
            }
        });
    }
}
