package dev.dockmock.engine.imageio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.files.Layer;
import dev.dockmock.engine.files.PathStat;
import dev.dockmock.engine.images.Image;
import dev.dockmock.engine.images.ImageConfig;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image config document (the JSON whose digest is a Docker image id): the container config,
 * creation, author, history and the layers' diff ids. Rendered the same way every time, map keys
 * sorted as Go's encoder sorts them, so an id computed from it is reproducible.
 *
 * @param config the container configuration
 * @param created when the image was made
 * @param author the author ({@code MAINTAINER}, {@code commit --author}), empty when none
 * @param comment the comment ({@code commit -m}), empty when none
 * @param history one entry per step, those that made no layer marked empty
 * @param diffIds the layers' diff ids, bottom first
 */
public record ConfigDocument(ImageConfig config, Instant created, String author, String comment, List<History> history,
        List<String> diffIds) {

    /** One step of an image's history. */
    public record History(Instant created, String createdBy, String comment, boolean emptyLayer) {
    }

    public ConfigDocument {
        history = List.copyOf(history);
        diffIds = List.copyOf(diffIds);
    }

    /** The exact bytes; the image id is {@code sha256:} and their digest. */
    public byte[] bytes() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("architecture", "amd64");
        if (!author.isEmpty()) {
            doc.put("author", author);
        }
        if (!comment.isEmpty()) {
            doc.put("comment", comment);
        }
        doc.put("config", containerConfig(config));
        doc.put("created", PathStat.rfc3339(created));
        List<Map<String, Object>> steps = new ArrayList<>();
        for (History step : history) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("created", PathStat.rfc3339(step.created()));
            entry.put("created_by", step.createdBy());
            if (!step.comment().isEmpty()) {
                entry.put("comment", step.comment());
            }
            if (step.emptyLayer()) {
                entry.put("empty_layer", true);
            }
            steps.add(entry);
        }
        doc.put("history", steps);
        doc.put("os", "linux");
        Map<String, Object> rootfs = new LinkedHashMap<>();
        rootfs.put("type", "layers");
        rootfs.put("diff_ids", diffIds);
        doc.put("rootfs", rootfs);
        return Json.bytes(doc);
    }

    /**
     * The document of an image that has none of its own (a registry image): one history step per
     * layer, then its command.
     */
    public static ConfigDocument describe(Image image, List<String> diffIds) {
        List<History> history = new ArrayList<>();
        for (String diffId : diffIds) {
            history.add(new History(image.created(), "/bin/sh -c #(nop) ADD file:" + diffId.substring(7, 71) + " in / ", "", false));
        }
        if (!image.config().cmd().isEmpty()) {
            history.add(new History(image.created(), "/bin/sh -c #(nop)  CMD " + Json.mapper().valueToTree(image.config().cmd()),
                    "", true));
        }
        return new ConfigDocument(image.config(), image.created(), "", image.comment(), history, diffIds);
    }

    /** {@code sha256:<hex>} of {@link #bytes()}. */
    public String id() {
        return "sha256:" + Layer.sha256(bytes());
    }

    static Map<String, Object> containerConfig(ImageConfig config) {
        return dev.dockmock.engine.images.ImageDocuments.config(config);
    }

    /**
     * Reads a config document as {@code docker load} finds it.
     *
     * @throws DockerException 400 when it is not one
     */
    public static ConfigDocument parse(byte[] json) {
        JsonNode doc = Json.parse(json);
        if (!doc.isObject() || !doc.path("rootfs").isObject()) {
            throw new DockerException(400, "invalid image config: no rootfs");
        }
        JsonNode c = doc.path("config");
        List<String> ports = new ArrayList<>();
        c.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        List<String> volumes = new ArrayList<>();
        c.path("Volumes").fieldNames().forEachRemaining(volumes::add);
        Map<String, String> labels = new LinkedHashMap<>();
        c.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        ImageConfig config = new ImageConfig(strings(c.path("Cmd")), strings(c.path("Entrypoint")), strings(c.path("Env")), ports,
                c.path("WorkingDir").asText(""), c.path("User").asText(""), labels, c.path("StopSignal").asText(""), volumes,
                strings(c.path("Healthcheck").path("Test")));
        List<History> history = new ArrayList<>();
        for (JsonNode step : doc.path("history")) {
            history.add(new History(time(step.path("created").asText(""), Instant.EPOCH), step.path("created_by").asText(""),
                    step.path("comment").asText(""), step.path("empty_layer").asBoolean(false)));
        }
        return new ConfigDocument(config, time(doc.path("created").asText(""), Instant.EPOCH), doc.path("author").asText(""),
                doc.path("comment").asText(""), history, strings(doc.path("rootfs").path("diff_ids")));
    }

    private static Instant time(String text, Instant fallback) {
        try {
            return text.isEmpty() ? fallback : java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
