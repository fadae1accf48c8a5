package dev.dockmock.engine.swarm;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.images.Image;
import dev.dockmock.engine.images.ImageCatalogue;
import dev.dockmock.engine.images.ImageReference;
import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A task's image on a node's engine: pulled from the registry catalogue when the engine lacks it, as the agent pulls it. */
final class TaskImages {

    private TaskImages() {
    }

    /** @throws DockerException 404 when the catalogue has no such image */
    static void fetch(EngineContext context, String image) {
        synchronized (context.lock()) {
            if (context.images().find(image).isPresent()) {
                return;
            }
            ImageReference reference = ImageReference.parse(image);
            ImageReference tagged = reference.tag() == null ? reference.withTag("latest") : reference;
            ImageCatalogue.Entry entry = context.catalogue().find(tagged)
                    .orElseThrow(() -> new DockerException(404, "No such image: " + image));
            Image existing = context.images().find(entry.image().id()).orElse(entry.image());
            List<String> tags = new ArrayList<>(existing.repoTags());
            if (!tags.contains(tagged.familiarTagged())) {
                tags.add(tagged.familiarTagged());
            }
            context.images().put(existing.withTags(tags));
            context.events().publish("image", "pull", tagged.familiar(), Map.of("name", tagged.familiarRepository()));
            context.changed();
        }
    }
}
