package dev.dockmock.engine.images;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.EngineFaults;
import java.time.Duration;
import java.util.Optional;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code POST /images/create?fromImage=...}: pulls from the fake registry, with progress. */
final class Puller {
    private final EngineContext context;

    Puller(EngineContext context) {
        this.context = context;
    }

    ApiResponse pull(ApiRequest request) {
        String from = request.query().first("fromImage").orElse("");
        if (from.isEmpty()) {
            if (request.query().first("fromSrc").isPresent()) {
                throw new DockerException(501, "dockmock does not implement image import yet");
            }
            throw new DockerException(400, "fromImage or fromSrc is required");
        }
        String tag = request.query().first("tag").orElse("");
        ImageReference parsed = ImageReference.parse(from);
        ImageReference reference = tag.isEmpty() ? parsed
                : tag.startsWith("sha256:") ? ImageReference.parse(parsed.familiarRepository() + "@" + tag)
                : parsed.withTag(tag);
        ImageCatalogue.Entry entry = context.catalogue().find(reference.digest() != null
                ? reference.withTag(reference.tag() == null ? "latest" : reference.tag()) : reference)
                .orElseThrow(() -> notFound(reference));
        boolean present;
        synchronized (context.lock()) {
            present = context.images().find(reference.familiar()).map(i -> i.id().equals(entry.image().id())).orElse(false);
        }
        Optional<EngineFaults.PullFault> fault = context.faults().claimPull(reference.familiar(), reference.familiarTagged(),
                reference.familiarRepository());
        Duration step = fault.map(EngineFaults.PullFault::step).orElse(null);
        return ApiResponse.streamed(200, "application/json", sink -> {
            PullStream progress = new PullStream(sink, step != null ? step : context.timing().pullStep());
            String shownTag = reference.tag() != null ? reference.tag() : reference.digest();
            progress.status("Pulling from " + reference.path(), shownTag);
            if (fault.isPresent() && fault.get().error() != null) {
                List<String> layers = entry.image().layers();
                progress.failingLayer((layers.isEmpty() ? entry.image().id() : layers.get(0)).substring(7, 19), entry.image().size(), fault.get().error());
                return;
            }
            if (!present) {
                for (String layer : entry.image().layers()) {
                    progress.layer(layer.substring(7, 19), entry.image().size(), 4);
                }
            }
            String digest = entry.image().repoDigests().get(0);
            progress.status("Digest: " + digest.substring(digest.indexOf('@') + 1));
            store(reference, entry);
            String name = reference.familiar();
            progress.status(present ? "Status: Image is up to date for " + name : "Status: Downloaded newer image for " + name);
        });
    }

    private void store(ImageReference reference, ImageCatalogue.Entry entry) {
        synchronized (context.lock()) {
            Image existing = context.images().find(entry.image().id()).orElse(entry.image());
            List<String> tags = new ArrayList<>(existing.repoTags());
            String tagged = reference.tag() != null ? reference.familiarTagged() : null;
            if (tagged != null && !tags.contains(tagged)) {
                context.images().untagEverywhere(tagged);
                existing = context.images().find(entry.image().id()).orElse(existing);
                tags = new ArrayList<>(existing.repoTags());
                tags.add(tagged);
            }
            context.images().put(existing.withTags(tags));
            context.events().publish("image", "pull", reference.familiar(), Map.of("name", reference.familiarRepository()));
            context.changed();
        }
    }

    private DockerException notFound(ImageReference reference) {
        if (context.catalogue().hasRepository(reference)) {
            return new DockerException(404, "manifest for " + reference.familiar() + " not found: manifest unknown: manifest unknown");
        }
        return new DockerException(404, "pull access denied for " + reference.familiarRepository()
                + ", repository does not exist or may require 'docker login': denied: requested access to the resource is denied");
    }
}
