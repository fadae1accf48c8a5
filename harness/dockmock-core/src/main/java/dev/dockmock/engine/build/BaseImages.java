package dev.dockmock.engine.build;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.files.FileSystems;
import dev.dockmock.engine.files.ImageFiles;
import dev.dockmock.engine.imageio.ConfigDocument;
import dev.dockmock.engine.images.Image;
import dev.dockmock.engine.images.ImageCatalogue;
import dev.dockmock.engine.images.ImageConfig;
import dev.dockmock.engine.images.ImageReference;
import dev.dockmock.protocol.DockerException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@code FROM} starts from: {@code scratch}, an earlier stage, a local image, or an image
 * pulled from the fake registry (with pull progress in the build output, as the classic builder
 * shows it).
 */
final class BaseImages {
    private static final ImageConfig EMPTY = new ImageConfig(List.of(), List.of(), List.of(), List.of(), "", "", Map.of(), "",
            List.of(), List.of());

    private final FileSystems files;
    private final EngineContext context;

    BaseImages(FileSystems files) {
        this.files = files;
        this.context = files.context();
    }

    /** A stage's start and the id its {@code FROM} step prints (empty for scratch). */
    record Base(StageState state, String id) {
    }

    Base resolve(String name, Map<String, Base> stages, BuildOutput out, Instant now) {
        if (name.equalsIgnoreCase("scratch")) {
            return new Base(new StageState(EMPTY, ConfigEditor.DEFAULT_SHELL, false, "", List.of(), List.of(), now, "", "",
                    Map.of()), "");
        }
        Base earlier = stages.get(name.toLowerCase(java.util.Locale.ROOT));
        if (earlier != null) {
            StageState done = earlier.state();
            return new Base(new StageState(done.config(), done.shell(), false, done.author(), done.layers(), done.history(),
                    done.created(), done.baseImageId(), done.source(), Map.of()), earlier.id());
        }
        Image image = local(name).orElseGet(() -> pull(name, out));
        synchronized (context.lock()) {
            ImageFiles imageFiles = files.imageFiles(image);
            List<ConfigDocument.History> history = imageFiles.config().map(ConfigDocument::parse).map(ConfigDocument::history)
                    .orElseGet(() -> ConfigDocument.describe(image, imageFiles.diffIds()).history());
            return new Base(new StageState(image.config(), ConfigEditor.DEFAULT_SHELL, false, "", imageFiles.layers(), history,
                    image.created(), image.id(), image.source(), Map.of()), image.id());
        }
    }

    /** The local image named {@code name}, if there is one. */
    Optional<Image> local(String name) {
        synchronized (context.lock()) {
            return context.images().find(name);
        }
    }

    private Image pull(String name, BuildOutput out) {
        ImageReference reference = ImageReference.parse(name);
        ImageCatalogue.Entry entry = context.catalogue().find(reference).orElseThrow(() -> new DockerException(404,
                context.catalogue().hasRepository(reference)
                        ? "manifest for " + reference.familiar() + " not found: manifest unknown: manifest unknown"
                        : "pull access denied for " + reference.familiarRepository() + ", repository does not exist or may "
                                + "require 'docker login': denied: requested access to the resource is denied"));
        out.status(status("Pulling from " + reference.path(), reference.tag()));
        for (String layer : entry.image().layers()) {
            String id = layer.substring(7, 19);
            for (String step : List.of("Pulling fs layer", "Download complete", "Pull complete")) {
                Map<String, Object> message = status(step, id);
                message.put("progressDetail", Map.of());
                out.status(message);
            }
        }
        String digest = entry.image().repoDigests().get(0);
        out.status(status("Digest: " + digest.substring(digest.indexOf('@') + 1), null));
        out.status(status("Status: Downloaded newer image for " + reference.familiar(), null));
        synchronized (context.lock()) {
            Image existing = context.images().find(entry.image().id()).orElse(entry.image());
            List<String> tags = new ArrayList<>(existing.repoTags());
            if (!tags.contains(reference.familiarTagged())) {
                context.images().untagEverywhere(reference.familiarTagged());
                existing = context.images().find(entry.image().id()).orElse(existing);
                tags = new ArrayList<>(existing.repoTags());
                tags.add(reference.familiarTagged());
            }
            Image stored = existing.withTags(tags);
            context.images().put(stored);
            context.events().publish("image", "pull", reference.familiar(), Map.of("name", reference.familiarRepository()));
            context.changed();
            return stored;
        }
    }

    private static Map<String, Object> status(String status, String id) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("status", status);
        if (id != null) {
            message.put("id", id);
        }
        return message;
    }
}
