package dev.dockmock.engine.imageio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.files.FileSystems;
import dev.dockmock.engine.files.Gzip;
import dev.dockmock.engine.files.ImageFiles;
import dev.dockmock.engine.files.Layer;
import dev.dockmock.engine.files.TarEntry;
import dev.dockmock.engine.files.TarReader;
import dev.dockmock.engine.images.Image;
import dev.dockmock.engine.images.ImageReference;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code docker load}: reads what {@link ImageSaver} (or dockerd) writes, through its
 * {@code manifest.json}. Layers are checked against the config's diff ids as dockerd checks
 * them; an image keeps its id, which is its config's digest or, for a registry image saved by
 * dockmock, its catalogue id.
 */
final class ImageLoader {
    private final FileSystems files;
    private final EngineContext context;
    private final KnownConfigs known;

    ImageLoader(FileSystems files, KnownConfigs known) {
        this.files = files;
        this.context = files.context();
        this.known = known;
    }

    /**
     * Loads every image of {@code archive}, telling {@code progress} about layers (unless quiet)
     * and {@code messages} the lines the CLI prints.
     *
     * @throws DockerException 400 for archives that are not image archives
     */
    void load(byte[] archive, Consumer<Layer> progress, Consumer<String> messages) {
        Map<String, byte[]> members = new HashMap<>();
        for (TarEntry entry : TarReader.read(archive)) {
            if (entry.type() == TarEntry.Type.FILE) {
                members.put(entry.name(), entry.content());
            }
        }
        JsonNode manifest = Json.parse(member(members, "manifest.json"));
        if (!manifest.isArray()) {
            throw new DockerException(400, "invalid image archive: manifest.json is not a list");
        }
        for (JsonNode item : manifest) {
            byte[] config = member(members, item.path("Config").asText());
            ConfigDocument document = ConfigDocument.parse(config);
            List<Layer> layers = new ArrayList<>();
            for (JsonNode path : item.path("Layers")) {
                byte[] tar = Gzip.decompress(member(members, path.asText()), TarReader.DEFAULT_LIMIT);
                Layer layer = Layer.fromTar(TarReader.read(tar), tar);
                int index = layers.size();
                if (index >= document.diffIds().size() || !document.diffIds().get(index).equals(layer.diffId())) {
                    throw new DockerException(400, "invalid diffID for layer " + index + ": expected \""
                            + (index < document.diffIds().size() ? document.diffIds().get(index) : "") + "\", got \"" + layer.diffId() + "\"");
                }
                layers.add(layer);
                progress.accept(layer);
            }
            if (layers.size() != document.diffIds().size()) {
                throw new DockerException(400, "invalid manifest, layers length mismatch: expected " + document.diffIds().size()
                        + ", got " + layers.size());
            }
            List<String> tags = new ArrayList<>();
            for (JsonNode tag : item.path("RepoTags")) {
                tags.add(ImageReference.parse(tag.asText()).familiarTagged());
            }
            store(config, document, layers, tags, messages);
        }
    }

    private void store(byte[] config, ConfigDocument document, List<Layer> layers, List<String> tags, Consumer<String> messages) {
        String digest = "sha256:" + Layer.sha256(config);
        List<String> lines = new ArrayList<>();
        synchronized (context.lock()) {
            Optional<Image> registry = known.find(digest.substring(7));
            Image image = context.images().find(digest).filter(i -> i.id().equals(digest))
                    .or(() -> registry.flatMap(r -> context.images().find(r.id()).filter(i -> i.id().equals(r.id()))))
                    .or(() -> registry.map(r -> r.withDigests(List.of())))
                    .orElseGet(() -> new Image(digest, List.of(), List.of(), "", document.created(),
                            layers.stream().mapToLong(Layer::size).sum(), document.config(), document.diffIds(), document.comment(), ""));
            files.register(image.id(), new ImageFiles(layers, image.id().equals(digest) ? Optional.of(config) : Optional.empty()));
            List<String> imageTags = new ArrayList<>(image.repoTags());
            for (String tag : tags) {
                Optional<Image> previous = context.images().find(tag).filter(i -> i.repoTags().contains(tag));
                if (previous.isPresent() && !previous.get().id().equals(image.id())) {
                    lines.add("The image " + tag + " already exists, renaming the old one with ID " + previous.get().id()
                            + " to empty string\n");
                    context.images().untagEverywhere(tag);
                }
                if (!imageTags.contains(tag)) {
                    imageTags.add(tag);
                }
                lines.add("Loaded image: " + tag + "\n");
            }
            if (tags.isEmpty()) {
                lines.add("Loaded image ID: " + image.id() + "\n");
            }
            context.images().put(image.withTags(imageTags));
            context.events().publish("image", "load", image.id(), Map.of("name", image.id()));
            context.changed();
        }
        lines.forEach(messages);
    }

    private static byte[] member(Map<String, byte[]> members, String name) {
        byte[] data = members.get(name.startsWith("./") ? name.substring(2) : name);
        if (data == null) {
            throw new DockerException(400, "invalid image archive: " + name + " is missing");
        }
        return data;
    }
}
