package dev.dockmock.engine.containers;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.images.Image;
import dev.dockmock.engine.images.ImageReference;
import dev.dockmock.protocol.DockerException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The images creates name, remembered while the image store is unchanged. Why: resolving a
 * reference parses it with regular expressions and scans every image's tags, which under the
 * engine's lock made concurrent creates queue; a remembered answer is read without the lock.
 */
final class ImageLookup {
    /** Distinct names kept; beyond that it starts afresh. */
    private static final int MAX_ENTRIES = 256;

    private record Found(long modifications, Image image) {
    }

    private final EngineContext context;
    private final ConcurrentHashMap<String, Found> found = new ConcurrentHashMap<>();

    ImageLookup(EngineContext context) {
        this.context = context;
    }

    /** What {@code name} resolved to, when the store has not changed since; null when it must be looked up. */
    Image remembered(String name) {
        Found entry = found.get(name);
        return entry != null && entry.modifications() == context.images().modifications() ? entry.image() : null;
    }

    /**
     * Resolves {@code name} in the store. Call with the engine's lock held.
     *
     * @throws DockerException 404 {@code No such image: x}
     */
    Image find(String name) {
        Image image = context.images().find(name).orElseThrow(() -> noSuchImage(name));
        if (found.size() >= MAX_ENTRIES) {
            found.clear();
        }
        found.put(name, new Found(context.images().modifications(), image));
        return image;
    }

    private static DockerException noSuchImage(String name) {
        try {
            return new DockerException(404, "No such image: " + ImageReference.parse(name).familiar());
        } catch (DockerException e) {
            return e;
        }
    }
}
