package dev.dockmock.engine.containers;

import java.util.Map;
import java.util.Objects;

/**
 * A volume a container mounts: named in its {@code HostConfig.Binds} ({@code name:/path}) or
 * {@code HostConfig.Mounts} (type {@code volume}), or anonymous (an image {@code VOLUME}, a
 * {@code Config.Volumes} entry, or a volume mount without source).
 *
 * @param name the volume's name; the engine's 64-hex-digit choice for an anonymous volume
 * @param destination the path inside the container
 * @param readWrite whether it is mounted read-write
 * @param anonymous whether the engine chose the name
 * @param labels labels for the volume if the mount creates it ({@code VolumeOptions.Labels}); null when none
 * @param copyImageFiles whether the image's files at the destination fill the volume while it is
 *        empty (dockerd's copy-up); false for {@code nocopy} and {@code VolumeOptions.NoCopy}
 */
public record VolumeMount(String name, String destination, boolean readWrite, boolean anonymous, Map<String, String> labels,
        boolean copyImageFiles) {

    public VolumeMount {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(destination, "destination");
        labels = labels == null ? null : Map.copyOf(labels);
    }
}
