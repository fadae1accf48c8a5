package dev.dockmock.engine.files;

import dev.dockmock.engine.containers.Container;
import dev.dockmock.engine.containers.VolumeMount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds a container's {@link MountedTree}: one mount per volume it mounts, and the container's
 * own {@code /etc/hostname} and {@code /etc/hosts} over a volume mounted at {@code /etc}, as
 * dockerd mounts them last. Bind mounts and tmpfs mounts are not in it (docs/engine.md): what is
 * written below them stays in the container's own tree. Called with the engine's lock held.
 */
final class ContainerMounts {
    /** The files dockerd bind-mounts into every container, over whatever volume holds their directory. */
    private static final List<String> DAEMON_FILES = List.of("/etc/hostname", "/etc/hosts");

    private ContainerMounts() {
    }

    /**
     * The view of {@code own} with {@code container}'s volumes mounted. A mount point that is
     * missing is made first, shallowest first, as the runtime does with {@code mkdir -p} in
     * whatever is mounted there already: in the container's tree (where {@code docker diff}
     * then lists it) or in a volume mounted above it.
     */
    static PathTree view(FileTree own, Container container, Function<String, Optional<FileTree>> volumeFiles, Instant now) {
        List<VolumeMount> volumes = new ArrayList<>(container.volumeMounts());
        if (volumes.isEmpty()) {
            return own;
        }
        volumes.sort(Comparator.comparingInt(v -> FilePaths.elements(FilePaths.clean(v.destination())).size()));
        List<MountedTree.Mount> mounts = new ArrayList<>();
        MountedTree view = new MountedTree(own, mounts);
        for (VolumeMount volume : volumes) {
            Optional<FileTree> files = volumeFiles.apply(volume.name());
            if (files.isEmpty()) {
                continue;
            }
            makeMountPoint(view, FilePaths.clean(volume.destination()), now);
            mounts.add(new MountedTree.Mount(volume.destination(), files.get()));
            view = new MountedTree(own, mounts);
        }
        for (String file : DAEMON_FILES) {
            if (own.get(file).isPresent() && mounts.stream().anyMatch(m -> FilePaths.within(file, m.point()))) {
                if (view.get(file).isEmpty() && view.get(FilePaths.parent(file)).map(FileNode::isDirectory).orElse(false)) {
                    // the runtime's mount point for a file: an empty file, 0755, in the volume
                    view.write(file, FileNode.file(new byte[0], 0755, now), now);
                }
                mounts.add(new MountedTree.Mount(file, own, file));
            }
        }
        return new MountedTree(own, mounts);
    }

    private static void makeMountPoint(PathTree view, String point, Instant now) {
        String current = "/";
        for (String element : FilePaths.elements(point)) {
            current = FilePaths.child(current, element);
            if (view.get(current).isEmpty()) {
                view.copyUp(FilePaths.parent(current));
                view.write(current, FileNode.directory(0755, now), now);
            }
        }
    }
}
