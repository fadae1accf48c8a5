package dev.dockmock.engine.imageio;

import dev.dockmock.engine.files.FileSystems;
import dev.dockmock.engine.files.ImageFiles;
import dev.dockmock.engine.files.Layer;
import dev.dockmock.engine.images.Image;
import dev.dockmock.engine.images.ImageCatalogue;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises the config documents {@code docker save} writes for registry images. Their ids come
 * from the catalogue, not from a digest, so {@code docker load} finds them here to give them back
 * the same id. Callers hold the engine's lock.
 */
final class KnownConfigs {
    private final FileSystems files;
    private Map<String, Image> byDigest;

    KnownConfigs(FileSystems files) {
        this.files = files;
    }

    /** The registry image whose saved config has digest {@code configHex}, if any. */
    Optional<Image> find(String configHex) {
        if (byDigest == null) {
            byDigest = new HashMap<>();
            for (ImageCatalogue.Entry entry : files.context().catalogue().entries()) {
                Image image = entry.image();
                ImageFiles imageFiles = files.imageFiles(image);
                byDigest.put(Layer.sha256(ConfigDocument.describe(image, imageFiles.diffIds()).bytes()), image);
            }
        }
        return Optional.ofNullable(byDigest.get(configHex));
    }
}
