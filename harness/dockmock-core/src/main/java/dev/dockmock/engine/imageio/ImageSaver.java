package dev.dockmock.engine.imageio;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.files.FileSystems;
import dev.dockmock.engine.files.ImageFiles;
import dev.dockmock.engine.files.Layer;
import dev.dockmock.engine.files.TarEntry;
import dev.dockmock.engine.files.TarWriter;
import dev.dockmock.engine.images.Image;
import dev.dockmock.engine.images.ImageReference;
import dev.dockmock.protocol.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code docker save}: the archive docker 25 and later write, which both the OCI image layout and
 * the older docker-archive loaders read: content-addressed blobs (layer tars, config, OCI
 * manifest), {@code index.json}, {@code oci-layout}, {@code manifest.json} and
 * {@code repositories}. Callers hold the engine's lock.
 */
final class ImageSaver {
    private static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";

    private final FileSystems files;
    private final EngineContext context;

    ImageSaver(FileSystems files) {
        this.files = files;
        this.context = files.context();
    }

    /** The images {@code names} select, each with the tags to save it under (none when named by id). */
    Map<Image, List<String>> select(List<String> names) {
        Map<Image, List<String>> selected = new LinkedHashMap<>();
        for (String name : names) {
            String last = name.substring(name.lastIndexOf('/') + 1);
            String bare = name.startsWith("sha256:") ? name.substring(7) : name;
            boolean idLike = bare.matches("[a-f0-9]{4,64}")
                    && context.images().all().stream().anyMatch(i -> i.id().startsWith("sha256:" + bare));
            boolean repositoryOnly = !idLike && !name.contains("@") && !last.contains(":");
            if (repositoryOnly) {
                // a bare repository name saves every tag of the repository, as dockerd's exporter does
                String prefix = ImageReference.parse(name).familiarRepository() + ":";
                boolean found = false;
                for (Image candidate : context.images().all()) {
                    for (String tag : candidate.repoTags()) {
                        if (tag.startsWith(prefix)) {
                            add(selected, candidate, tag);
                            found = true;
                        }
                    }
                }
                if (found) {
                    continue;
                }
            }
            Image image = context.images().get(name);
            add(selected, image, idLike || name.contains("@") ? null : ImageReference.parse(name).familiarTagged());
        }
        return selected;
    }

    private static void add(Map<Image, List<String>> selected, Image image, String tag) {
        Image key = selected.keySet().stream().filter(i -> i.id().equals(image.id())).findFirst().orElse(image);
        List<String> tags = selected.computeIfAbsent(key, k -> new ArrayList<>());
        if (tag != null && !tags.contains(tag)) {
            tags.add(tag);
        }
    }

    /** The archive of the selected images. */
    byte[] archive(Map<Image, List<String>> images) {
        Map<String, byte[]> blobs = new TreeMap<>();
        List<Map<String, Object>> manifest = new ArrayList<>();
        List<Map<String, Object>> index = new ArrayList<>();
        Map<String, Map<String, String>> repositories = new TreeMap<>();
        images.forEach((image, tags) -> {
            ImageFiles imageFiles = files.imageFiles(image);
            byte[] config = imageFiles.config().orElseGet(() -> ConfigDocument.describe(image, imageFiles.diffIds()).bytes());
            String configHex = Layer.sha256(config);
            blobs.put(configHex, config);
            List<String> layerPaths = new ArrayList<>();
            List<Map<String, Object>> ociLayers = new ArrayList<>();
            for (Layer layer : imageFiles.layers()) {
                String hex = layer.diffId().substring(7);
                blobs.put(hex, layer.tar());
                layerPaths.add("blobs/sha256/" + hex);
                ociLayers.add(descriptor("application/vnd.oci.image.layer.v1.tar", hex, layer.tar().length));
            }
            Map<String, Object> oci = new LinkedHashMap<>();
            oci.put("schemaVersion", 2);
            oci.put("mediaType", MANIFEST_TYPE);
            oci.put("config", descriptor("application/vnd.oci.image.config.v1+json", configHex, config.length));
            oci.put("layers", ociLayers);
            byte[] ociBytes = Json.bytes(oci);
            String ociHex = Layer.sha256(ociBytes);
            blobs.put(ociHex, ociBytes);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Config", "blobs/sha256/" + configHex);
            entry.put("RepoTags", tags.isEmpty() ? null : tags);
            entry.put("Layers", layerPaths);
            manifest.add(entry);
            if (tags.isEmpty()) {
                index.add(descriptor(MANIFEST_TYPE, ociHex, ociBytes.length));
            }
            for (String tag : tags) {
                ImageReference reference = ImageReference.parse(tag);
                Map<String, Object> described = descriptor(MANIFEST_TYPE, ociHex, ociBytes.length);
                Map<String, String> annotations = new LinkedHashMap<>();
                annotations.put("io.containerd.image.name", reference.fullRepository() + ":" + reference.tag());
                annotations.put("org.opencontainers.image.ref.name", reference.tag());
                described.put("annotations", annotations);
                index.add(described);
                repositories.computeIfAbsent(reference.familiarRepository(), k -> new TreeMap<>()).put(reference.tag(), configHex);
            }
        });
        Map<String, Object> indexDoc = new LinkedHashMap<>();
        indexDoc.put("schemaVersion", 2);
        indexDoc.put("mediaType", "application/vnd.oci.image.index.v1+json");
        indexDoc.put("manifests", index);
        List<TarEntry> entries = new ArrayList<>();
        entries.add(TarEntry.directory("blobs", 0755, Instant.EPOCH));
        entries.add(TarEntry.directory("blobs/sha256", 0755, Instant.EPOCH));
        blobs.forEach((hex, data) -> entries.add(TarEntry.file("blobs/sha256/" + hex, data, 0444, Instant.EPOCH)));
        entries.add(TarEntry.file("index.json", Json.line(indexDoc), 0644, Instant.EPOCH));
        entries.add(TarEntry.file("manifest.json", Json.line(manifest), 0644, Instant.EPOCH));
        entries.add(TarEntry.file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}", 0644, Instant.EPOCH));
        if (!repositories.isEmpty()) {
            entries.add(TarEntry.file("repositories", Json.line(repositories), 0644, Instant.EPOCH));
        }
        return TarWriter.archive(entries);
    }

    private static Map<String, Object> descriptor(String mediaType, String hex, long size) {
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("mediaType", mediaType);
        descriptor.put("digest", "sha256:" + hex);
        descriptor.put("size", size);
        return descriptor;
    }
}
