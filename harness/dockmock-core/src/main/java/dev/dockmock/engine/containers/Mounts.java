package dev.dockmock.engine.containers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Mounts} of a container for {@code docker inspect}, as recorded from its binds and
 * mounts. What processes see below them is the files package's business ({@code MountSources}).
 */
final class Mounts {

    private Mounts() {
    }

    static List<Map<String, Object>> of(Container c) {
        List<Map<String, Object>> mounts = new ArrayList<>();
        JsonNode binds = c.spec().hostConfig().path("Binds");
        for (JsonNode bind : binds) {
            String[] parts = bind.asText().split(":");
            if (parts.length < 2) {
                continue;
            }
            boolean volume = !parts[0].startsWith("/");
            Map<String, Object> mount = new LinkedHashMap<>();
            mount.put("Type", volume ? "volume" : "bind");
            if (volume) {
                mount.put("Name", parts[0]);
            }
            mount.put("Source", volume ? "/var/lib/docker/volumes/" + parts[0] + "/_data" : parts[0]);
            mount.put("Destination", parts[1]);
            mount.put("Driver", volume ? "local" : "");
            mount.put("Mode", parts.length > 2 ? parts[2] : "");
            mount.put("RW", parts.length < 3 || !parts[2].contains("ro"));
            mount.put("Propagation", volume ? "" : "rprivate");
            mounts.add(mount);
        }
        for (JsonNode m : c.spec().hostConfig().path("Mounts")) {
            Map<String, Object> mount = new LinkedHashMap<>();
            String type = m.path("Type").asText("volume");
            String source = m.path("Source").asText("");
            if (type.equals("volume") && source.isEmpty()) {
                source = volumeAt(c, m.path("Target").asText());
            }
            mount.put("Type", type);
            if (type.equals("volume")) {
                mount.put("Name", source);
            }
            mount.put("Source", type.equals("volume") ? "/var/lib/docker/volumes/" + source + "/_data" : source);
            mount.put("Destination", m.path("Target").asText());
            mount.put("Driver", type.equals("volume") ? "local" : "");
            mount.put("Mode", "");
            mount.put("RW", !m.path("ReadOnly").asBoolean(false));
            mount.put("Propagation", type.equals("bind") ? "rprivate" : "");
            mounts.add(mount);
        }
        for (VolumeMount volume : c.volumeMounts()) {
            if (mounts.stream().noneMatch(m -> volume.destination().equals(m.get("Destination")))) {
                Map<String, Object> mount = new LinkedHashMap<>();
                mount.put("Type", "volume");
                mount.put("Name", volume.name());
                mount.put("Source", "/var/lib/docker/volumes/" + volume.name() + "/_data");
                mount.put("Destination", volume.destination());
                mount.put("Driver", "local");
                mount.put("Mode", "");
                mount.put("RW", volume.readWrite());
                mount.put("Propagation", "");
                mounts.add(mount);
            }
        }
        return mounts;
    }

    private static String volumeAt(Container c, String destination) {
        return c.volumeMounts().stream().filter(v -> v.destination().equals(destination)).map(VolumeMount::name)
                .findFirst().orElse("");
    }
}
