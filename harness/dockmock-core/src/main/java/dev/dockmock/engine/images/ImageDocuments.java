package dev.dockmock.engine.images;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON documents of images: list entries, inspect and history. */
public final class ImageDocuments {

    private ImageDocuments() {
    }

    public static Map<String, Object> summary(Image image, int containers) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Containers", containers);
        doc.put("Created", image.created().getEpochSecond());
        doc.put("Id", image.id());
        doc.put("Labels", image.config().labels().isEmpty() ? null : image.config().labels());
        doc.put("ParentId", image.parent());
        doc.put("RepoDigests", image.repoDigests());
        doc.put("RepoTags", image.repoTags());
        doc.put("SharedSize", -1);
        doc.put("Size", image.size());
        return doc;
    }

    public static Map<String, Object> inspect(Image image) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Id", image.id());
        doc.put("RepoTags", image.repoTags());
        doc.put("RepoDigests", image.repoDigests());
        doc.put("Parent", image.parent());
        doc.put("Comment", image.comment());
        doc.put("Created", DateTimeFormatter.ISO_INSTANT.format(image.created()));
        doc.put("DockerVersion", "");
        doc.put("Author", "");
        doc.put("Config", config(image.config()));
        doc.put("Architecture", "amd64");
        doc.put("Os", "linux");
        doc.put("Size", image.size());
        doc.put("GraphDriver", Map.of("Name", "overlay2", "Data", Map.of(
                "MergedDir", "/var/lib/docker/overlay2/" + image.id().substring(7) + "/merged",
                "UpperDir", "/var/lib/docker/overlay2/" + image.id().substring(7) + "/diff",
                "WorkDir", "/var/lib/docker/overlay2/" + image.id().substring(7) + "/work")));
        doc.put("RootFS", Map.of("Type", "layers", "Layers", image.layers()));
        doc.put("Metadata", Map.of("LastTagTime", "0001-01-01T00:00:00Z"));
        return doc;
    }

    /**
     * An image config as inspect shows it ({@code Config}). Maps are sorted by key, as Go's JSON
     * encoder writes them, which also keeps the ids of built images stable.
     */
    public static Map<String, Object> config(ImageConfig config) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("User", config.user());
        if (!config.exposedPorts().isEmpty()) {
            Map<String, Object> ports = new java.util.TreeMap<>();
            config.exposedPorts().forEach(p -> ports.put(p.contains("/") ? p : p + "/tcp", Map.of()));
            doc.put("ExposedPorts", ports);
        }
        doc.put("Env", config.env());
        doc.put("Cmd", config.cmd().isEmpty() ? null : config.cmd());
        if (!config.healthcheck().isEmpty()) {
            doc.put("Healthcheck", Map.of("Test", config.healthcheck()));
        }
        if (!config.volumes().isEmpty()) {
            Map<String, Object> volumes = new java.util.TreeMap<>();
            config.volumes().forEach(v -> volumes.put(v, Map.of()));
            doc.put("Volumes", volumes);
        }
        doc.put("WorkingDir", config.workingDir());
        doc.put("Entrypoint", config.entrypoint().isEmpty() ? null : config.entrypoint());
        doc.put("OnBuild", null);
        doc.put("Labels", config.labels().isEmpty() ? null : new java.util.TreeMap<>(config.labels()));
        if (!config.stopSignal().isEmpty()) {
            doc.put("StopSignal", config.stopSignal());
        }
        return doc;
    }

    public static List<Map<String, Object>> history(Image image) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("Id", image.id());
        top.put("Created", image.created().getEpochSecond());
        top.put("CreatedBy", "/bin/sh -c #(nop)  CMD " + image.config().cmd());
        top.put("Tags", image.repoTags());
        top.put("Size", 0);
        top.put("Comment", image.comment());
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("Id", "<missing>");
        base.put("Created", image.created().getEpochSecond());
        base.put("CreatedBy", "/bin/sh -c #(nop) ADD file:" + image.layers().get(0).substring(7, 23) + " in / ");
        base.put("Tags", null);
        base.put("Size", image.size());
        base.put("Comment", "");
        return List.of(top, base);
    }
}
