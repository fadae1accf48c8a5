package dev.dockmock.engine.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.containers.Container;
import dev.dockmock.engine.files.ContainerEventAttributes;
import dev.dockmock.engine.files.FileSystems;
import dev.dockmock.engine.files.ImageFiles;
import dev.dockmock.engine.files.Layer;
import dev.dockmock.engine.imageio.ConfigDocument;
import dev.dockmock.engine.images.Image;
import dev.dockmock.engine.images.ImageConfig;
import dev.dockmock.engine.images.ImageReference;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code docker commit}: a new image whose files are the container's (its image's layers plus one
 * layer of its changes) and whose config is the container's, overridden by the request body and
 * then by {@code changes} instructions. Its id is the digest of its config document, as Docker's.
 */
final class Committer {
    private static final Set<String> CHANGES = Set.of("CMD", "ENTRYPOINT", "ENV", "EXPOSE", "LABEL", "ONBUILD", "STOPSIGNAL",
            "USER", "VOLUME", "WORKDIR", "HEALTHCHECK");

    private final FileSystems files;
    private final EngineContext context;

    Committer(FileSystems files) {
        this.files = files;
        this.context = files.context();
    }

    /** Commits; returns the new image id. */
    String commit(ApiRequest request) {
        String name = request.query().first("container").orElse("");
        String repo = request.query().first("repo").orElse("");
        String tag = request.query().first("tag").orElse("");
        String comment = request.query().first("comment").orElse("");
        String author = request.query().first("author").orElse("");
        String reference = repo.isEmpty() ? null : ImageReference.parse(tag.isEmpty() ? repo : repo + ":" + tag).familiarTagged();
        List<Instruction> changes = Dockerfile.instructions(String.join("\n", request.query().all("changes")));
        for (Instruction change : changes) {
            if (!CHANGES.contains(change.keyword())) {
                throw new DockerException(400, change.keyword() + " is not a valid change command");
            }
        }
        JsonNode body = request.body().length == 0 ? null : Json.parse(request.body());
        synchronized (context.lock()) {
            Container container = files.containers().get(name);
            Optional<Image> base = context.images().find(container.imageId());
            ImageFiles baseFiles = base.map(files::imageFiles)
                    .orElseGet(() -> files.stored(container.imageId()).orElse(ImageFiles.of(List.of())));
            ConfigEditor editor = new ConfigEditor(configOf(container.spec().config(), body));
            Words words = new Words('\\');
            for (Instruction change : changes) {
                editor.apply(change, new java.util.LinkedHashMap<>(editor.env), words);
            }
            List<Layer> layers = new ArrayList<>(baseFiles.layers());
            layers.add(files.of(container).diffLayer());
            Instant now = context.clock().instant();
            List<ConfigDocument.History> history = new ArrayList<>(baseFiles.config().map(ConfigDocument::parse)
                    .map(ConfigDocument::history).orElseGet(() -> base.map(i -> ConfigDocument.describe(i, baseFiles.diffIds()).history())
                            .orElse(List.of())));
            history.add(new ConfigDocument.History(now, String.join(" ", container.spec().argv()), comment, false));
            ConfigDocument document = new ConfigDocument(editor.toConfig(), now, author, comment, history,
                    layers.stream().map(Layer::diffId).toList());
            byte[] config = document.bytes();
            String id = "sha256:" + Layer.sha256(config);
            files.register(id, new ImageFiles(layers, Optional.of(config)));
            if (reference != null) {
                context.images().untagEverywhere(reference);
            }
            context.images().put(new Image(id, reference == null ? List.of() : List.of(reference), List.of(), container.imageId(), now,
                    layers.stream().mapToLong(Layer::size).sum(), document.config(), document.diffIds(), comment,
                    base.map(Image::source).orElse("")));
            context.events().publish("container", "commit", container.id(), ContainerEventAttributes.of(container,
                    Map.of("comment", comment, "imageID", id, "imageRef", reference == null ? "" : reference)));
            if (reference != null) {
                context.events().publish("image", "tag", id, Map.of("name", reference));
            }
            context.changed();
            return id;
        }
    }

    /** The container's config, with what the request body sets taking precedence. */
    private static ImageConfig configOf(JsonNode container, JsonNode body) {
        ImageConfig own = read(container);
        if (body == null || !body.isObject()) {
            return own;
        }
        ImageConfig given = read(body);
        return new ImageConfig(pick(given.cmd(), own.cmd()), pick(given.entrypoint(), own.entrypoint()), pick(given.env(), own.env()),
                pick(given.exposedPorts(), own.exposedPorts()), given.workingDir().isEmpty() ? own.workingDir() : given.workingDir(),
                given.user().isEmpty() ? own.user() : given.user(), given.labels().isEmpty() ? own.labels() : given.labels(),
                given.stopSignal().isEmpty() ? own.stopSignal() : given.stopSignal(), pick(given.volumes(), own.volumes()),
                pick(given.healthcheck(), own.healthcheck()));
    }

    private static <T> List<T> pick(List<T> given, List<T> own) {
        return given.isEmpty() ? own : given;
    }

    private static ImageConfig read(JsonNode config) {
        List<String> ports = new ArrayList<>();
        config.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        List<String> volumes = new ArrayList<>();
        config.path("Volumes").fieldNames().forEachRemaining(volumes::add);
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        config.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return new ImageConfig(strings(config.path("Cmd")), strings(config.path("Entrypoint")), strings(config.path("Env")), ports,
                config.path("WorkingDir").asText(""), config.path("User").asText(""), labels, config.path("StopSignal").asText(""),
                volumes, strings(config.path("Healthcheck").path("Test")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(n -> list.add(n.asText()));
        } else if (array.isTextual()) {
            list.add(array.asText());
        }
        return list;
    }
}
