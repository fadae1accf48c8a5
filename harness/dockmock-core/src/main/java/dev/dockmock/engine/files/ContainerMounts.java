package dev.dockmock.engine.files;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a container's {@link MountedTree} from the trees mounted into it (volumes, binds,
 * tmpfs mounts; see {@link MountSources}), and the container's own {@code /etc/hostname},
 * {@code /etc/hosts} and {@code /etc/resolv.conf} over any mount that holds {@code /etc}, as
 * dockerd mounts them last. Called with the engine's lock held.
 */
final class ContainerMounts {
    /** The files dockerd bind-mounts into every container, over whatever mount holds their directory. */
    static final List<String> DAEMON_FILES = List.of("/etc/resolv.conf", "/etc/hostname", "/etc/hosts");

    /**
     * One tree to mount.
     *
     * @param point the clean mount point
     * @param tree the tree whose root appears there (a file's tree for a bound file)
     */
    record Source(String point, PathTree tree) {
    }

    private ContainerMounts() {
    }

    /**
     * The view of {@code own} with {@code sources} mounted. A mount point that is missing is made
     * first, shallowest first, as the runtime does with {@code mkdir -p} in whatever is mounted
     * there already: in the container's tree (where {@code docker diff} then lists it) or in a
     * mount above it; for a bound file, an empty file.
     */
    static PathTree view(FileTree own, List<Source> sources, Instant now) {
        if (sources.isEmpty()) {
            return own;
        }
        List<Source> ordered = new ArrayList<>(sources);
        ordered.sort(Comparator.comparingInt(s -> FilePaths.elements(s.point()).size()));
        List<MountedTree.Mount> mounts = new ArrayList<>();
        MountedTree view = new MountedTree(own, mounts);
        for (Source source : ordered) {
            boolean file = source.tree().get("/").map(node -> !node.isDirectory()).orElse(false);
            makeMountPoint(view, source.point(), file, now);
            mounts.add(new MountedTree.Mount(source.point(), source.tree()));
            view = new MountedTree(own, mounts);
        }
        for (String file : DAEMON_FILES) {
            if (own.get(file).isPresent() && mounts.stream().anyMatch(m -> FilePaths.within(file, m.point()))) {
                if (view.get(file).isEmpty() && view.get(FilePaths.parent(file)).map(FileNode::isDirectory).orElse(false)) {
                    // the runtime's mount point for a file: an empty file, 0755, in the mount
                    view.write(file, FileNode.file(new byte[0], 0755, now), now);
                }
                mounts.add(new MountedTree.Mount(file, own, file));
            }
        }
        return new MountedTree(own, mounts);
    }

    private static void makeMountPoint(PathTree view, String point, boolean file, Instant now) {
        String current = "/";
        List<String> elements = FilePaths.elements(point);
        for (int i = 0; i < elements.size(); i++) {
            current = FilePaths.child(current, elements.get(i));
            if (view.get(current).isEmpty()) {
                view.copyUp(FilePaths.parent(current));
                boolean last = i == elements.size() - 1;
                view.write(current, last && file ? FileNode.file(new byte[0], 0755, now) : FileNode.directory(0755, now), now);
            }
        }
    }
}
