package dev.dockmock.engine.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.containers.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bind mount or a tmpfs mount of a container, from {@code HostConfig.Binds}
 * ({@code /host:/path[:ro]}), {@code HostConfig.Mounts} (types {@code bind} and {@code tmpfs}) or
 * {@code HostConfig.Tmpfs} ({@code /path: "mode=1770,size=1m"}). Volumes are {@code VolumeMount}s.
 *
 * @param tmpfs whether it is a tmpfs (else a bind)
 * @param source the host path of a bind, {@code tmpfs} for a tmpfs
 * @param destination the clean mount point
 * @param readWrite whether processes may write below it
 * @param createSource whether a missing source is made ({@code -v}) rather than refused ({@code --mount})
 * @param sizeBytes a tmpfs's size limit (0: none given)
 * @param mode a tmpfs root's mode ({@code 01777} unless given)
 */
public record BindOrTmpfs(boolean tmpfs, String source, String destination, boolean readWrite, boolean createSource,
        long sizeBytes, int mode) {

    /** Those of {@code container}, in the order given. */
    public static List<BindOrTmpfs> of(Container container) {
        return of(container.spec().hostConfig());
    }

    /** Those a {@code HostConfig} asks for, in the order given. */
    public static List<BindOrTmpfs> of(JsonNode host) {
        if (host.path("Binds").isEmpty() && host.path("Mounts").isEmpty() && host.path("Tmpfs").isEmpty()) {
            return List.of();
        }
        List<BindOrTmpfs> mounts = new ArrayList<>();
        for (JsonNode bind : host.path("Binds")) {
            String[] parts = bind.asText().split(":");
            if (parts.length >= 2 && parts[0].startsWith("/") && parts[1].startsWith("/")) {
                boolean readOnly = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
                mounts.add(new BindOrTmpfs(false, parts[0], parts[1], !readOnly, true, 0, 0));
            }
        }
        for (JsonNode mount : host.path("Mounts")) {
            String type = mount.path("Type").asText("");
            String target = mount.path("Target").asText("");
            boolean readWrite = !mount.path("ReadOnly").asBoolean(false);
            if (type.equals("bind") && target.startsWith("/")) {
                mounts.add(new BindOrTmpfs(false, mount.path("Source").asText(""), target, readWrite, false, 0, 0));
            } else if (type.equals("tmpfs") && target.startsWith("/")) {
                JsonNode options = mount.path("TmpfsOptions");
                int mode = options.path("Mode").asInt(0);
                mounts.add(new BindOrTmpfs(true, "tmpfs", target, readWrite, false, options.path("SizeBytes").asLong(0),
                        mode == 0 ? 01777 : mode & 07777));
            }
        }
        host.path("Tmpfs").fields().forEachRemaining(entry -> mounts.add(tmpfs(entry.getKey(), entry.getValue().asText(""))));
        return mounts;
    }

    /** A {@code --tmpfs /path:options} entry. */
    private static BindOrTmpfs tmpfs(String target, String options) {
        long size = 0;
        int mode = 01777;
        boolean readWrite = true;
        for (String option : options.split(",")) {
            if (option.startsWith("size=")) {
                size = sizeBytes(option.substring(5));
            } else if (option.startsWith("mode=")) {
                try {
                    mode = Integer.parseInt(option.substring(5), 8) & 07777;
                } catch (NumberFormatException ignored) {
                    // the kernel would refuse the mount; the default mode is as good a guess
                }
            } else if (option.equals("ro")) {
                readWrite = false;
            }
        }
        return new BindOrTmpfs(true, "tmpfs", target, readWrite, false, size, mode);
    }

    /** A tmpfs {@code size=} value: bytes, or with a k, m or g suffix (the kernel's memparse). */
    static long sizeBytes(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        long unit = switch (lower.isEmpty() ? ' ' : lower.charAt(lower.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        try {
            return Long.parseLong(unit == 1 ? lower : lower.substring(0, lower.length() - 1)) * unit;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public BindOrTmpfs {
        destination = FilePaths.clean(destination);
    }
}
