package dev.dockmock.engine.containers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.IdSource;
import dev.dockmock.engine.images.Image;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Works out the volumes a new container mounts from its binds, mounts and declared volumes. */
final class VolumeMounts {

    private VolumeMounts() {
    }

    static List<VolumeMount> resolve(JsonNode body, Image image, IdSource ids) {
        JsonNode hostConfig = body.path("HostConfig");
        if (hostConfig.path("Binds").isEmpty() && hostConfig.path("Mounts").isEmpty() && body.path("Volumes").isEmpty()
                && (image == null || image.config().volumes().isEmpty())) {
            return List.of();
        }
        List<VolumeMount> mounts = new ArrayList<>();
        Set<String> destinations = new HashSet<>();
        for (JsonNode bind : hostConfig.path("Binds")) {
            String[] parts = bind.asText().split(":");
            if (parts.length < 2) {
                continue;
            }
            destinations.add(parts[1]);
            if (!parts[0].startsWith("/")) {
                List<String> options = parts.length > 2 ? List.of(parts[2].split(",")) : List.of();
                mounts.add(new VolumeMount(parts[0], parts[1], !options.contains("ro"), false, null, !options.contains("nocopy")));
            }
        }
        for (JsonNode mount : hostConfig.path("Mounts")) {
            String target = mount.path("Target").asText();
            destinations.add(target);
            if (!mount.path("Type").asText("volume").equals("volume")) {
                continue;
            }
            String source = mount.path("Source").asText("");
            Map<String, String> labels = null;
            if (mount.path("VolumeOptions").path("Labels").isObject()) {
                labels = new LinkedHashMap<>();
                for (var it = mount.path("VolumeOptions").path("Labels").fields(); it.hasNext(); ) {
                    var label = it.next();
                    labels.put(label.getKey(), label.getValue().asText());
                }
            }
            boolean anonymous = source.isEmpty();
            mounts.add(new VolumeMount(anonymous ? ids.next() : source, target, !mount.path("ReadOnly").asBoolean(false),
                    anonymous, labels, !mount.path("VolumeOptions").path("NoCopy").asBoolean(false)));
        }
        Set<String> declared = new LinkedHashSet<>(image == null ? List.of() : image.config().volumes());
        body.path("Volumes").fieldNames().forEachRemaining(declared::add);
        for (String destination : declared) {
            if (destinations.add(destination)) {
                mounts.add(new VolumeMount(ids.next(), destination, true, true, null, true));
            }
        }
        return mounts;
    }
}
