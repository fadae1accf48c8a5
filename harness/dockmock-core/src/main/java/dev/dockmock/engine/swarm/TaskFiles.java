package dev.dockmock.engine.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The secrets and configs a task's {@code ContainerSpec} references, as the files its container
 * gets: a secret at {@code /run/secrets/<File.Name>} (or at {@code File.Name} when absolute), a
 * config at {@code /<File.Name>} (or {@code File.Name}), each with the reference's
 * {@code UID}, {@code GID} and {@code Mode} (0444 and root when unset, as the CLI sends them).
 * A reference without {@code File} (a config used as a credential spec) mounts nothing.
 */
final class TaskFiles {
    private static final int DEFAULT_MODE = 0444;

    private TaskFiles() {
    }

    /** The files for {@code task}; call with the cluster's lock held. */
    static List<NodeRuntime.MountedFile> of(Task task, ClusterState cluster) {
        JsonNode container = task.spec().path("ContainerSpec");
        List<NodeRuntime.MountedFile> files = new ArrayList<>();
        add(files, cluster, container.path("Secrets"), StoredObject.Kind.SECRET, "SecretID", "/run/secrets/");
        add(files, cluster, container.path("Configs"), StoredObject.Kind.CONFIG, "ConfigID", "/");
        return files;
    }

    private static void add(List<NodeRuntime.MountedFile> files, ClusterState cluster, JsonNode references, StoredObject.Kind kind,
            String idField, String directory) {
        for (JsonNode reference : references) {
            JsonNode file = reference.path("File");
            StoredObject object = cluster.objects(kind).get(reference.path(idField).asText(""));
            String name = file.path("Name").asText("");
            if (object == null || name.isEmpty()) {
                continue;
            }
            String path = name.startsWith("/") ? name : directory + name;
            byte[] data = Base64.getDecoder().decode(object.spec().path("Data").asText(""));
            files.add(new NodeRuntime.MountedFile(path, data, file.path("Mode").asInt(DEFAULT_MODE), id(file.path("UID")),
                    id(file.path("GID"))));
        }
    }

    /** A user or group id, which the API carries as a string. */
    private static int id(JsonNode value) {
        try {
            return Integer.parseInt(value.asText("0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
