package dev.dockmock.engine.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockmock.engine.containers.Container;
import dev.dockmock.engine.containers.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a container's processes may write: its root filesystem unless {@code --read-only}
 * ({@code HostConfig.ReadonlyRootfs}), and below each mount point as that mount says (binds,
 * volumes and tmpfs mounts, read-write unless marked read-only). The deepest mount point above a
 * path decides. Where the files written below a mount point land is {@link ContainerMounts}' business.
 *
 * @param rootWritable whether the root filesystem is writable
 * @param mounts the mount points and whether each is writable
 */
record WritableMounts(boolean rootWritable, List<Point> mounts) {

    /** One mount point. */
    record Point(String destination, boolean writable) {
    }

    static WritableMounts of(Container container) {
        ObjectNode host = container.spec().hostConfig();
        List<Point> points = new ArrayList<>();
        for (VolumeMount volume : container.volumeMounts()) {
            points.add(new Point(FilePaths.clean(volume.destination()), volume.readWrite()));
        }
        for (JsonNode bind : host.path("Binds")) {
            String[] parts = bind.asText().split(":");
            if (parts.length >= 2 && parts[1].startsWith("/")) {
                boolean readOnly = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
                points.add(new Point(FilePaths.clean(parts[1]), !readOnly));
            }
        }
        for (JsonNode mount : host.path("Mounts")) {
            String target = mount.path("Target").asText("");
            if (target.startsWith("/")) {
                points.add(new Point(FilePaths.clean(target), !mount.path("ReadOnly").asBoolean(false)));
            }
        }
        host.path("Tmpfs").fieldNames().forEachRemaining(target -> points.add(new Point(FilePaths.clean(target),
                !List.of(host.path("Tmpfs").path(target).asText("").split(",")).contains("ro"))));
        return new WritableMounts(!host.path("ReadonlyRootfs").asBoolean(false), List.copyOf(points));
    }

    /** Whether a process may change {@code path} (absolute, links resolved). */
    boolean writable(String path) {
        return deepest(path).map(Point::writable).orElse(rootWritable);
    }

    /** The deepest mount point at or above {@code path} (absolute, links resolved), if any. */
    Optional<Point> deepest(String path) {
        Point deepest = null;
        for (Point point : mounts) {
            if (FilePaths.within(path, point.destination())
                    && (deepest == null || point.destination().length() > deepest.destination().length())) {
                deepest = point;
            }
        }
        return Optional.ofNullable(deepest);
    }
}
