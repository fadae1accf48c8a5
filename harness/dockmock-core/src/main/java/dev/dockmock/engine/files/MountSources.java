package dev.dockmock.engine.files;

import dev.dockmock.engine.containers.Container;
import dev.dockmock.engine.containers.VolumeMount;
import dev.dockmock.protocol.DockerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The trees mounted into a container: each volume's tree, each bind's host files
 * ({@link HostTree}; with host binds off, an in-memory tree of the container's that keeps what is
 * written there), and, for its processes only, a tmpfs tree per tmpfs mount, new at every start.
 * {@code docker cp} does not see a tmpfs: dockerd's archive calls read the container's own files
 * below it (checked against dockerd 20.10). Called with the engine's lock held.
 */
final class MountSources {

    private MountSources() {
    }

    /** What is mounted into {@code container}, {@code withTmpfs} for the view of its processes. */
    static List<ContainerMounts.Source> of(FileSystems files, Container container, ContainerFiles own, boolean withTmpfs) {
        List<BindOrTmpfs> others = BindOrTmpfs.of(container);
        if (container.volumeMounts().isEmpty() && others.isEmpty()) {
            return List.of();
        }
        List<ContainerMounts.Source> sources = new ArrayList<>();
        for (VolumeMount volume : container.volumeMounts()) {
            files.volumeFiles(volume.name())
                    .ifPresent(tree -> sources.add(new ContainerMounts.Source(FilePaths.clean(volume.destination()), tree)));
        }
        Instant now = files.context().clock().instant();
        for (BindOrTmpfs mount : others) {
            PathTree tree;
            if (mount.tmpfs()) {
                tree = withTmpfs ? own.mountTree(mount.destination(), () -> tmpfs(mount, now)) : null;
            } else {
                tree = own.mountTree(mount.destination(),
                        () -> files.hostBinds() ? host(mount.source()).orElse(null) : FileTree.empty(container.created()));
            }
            if (tree != null) {
                sources.add(new ContainerMounts.Source(mount.destination(), tree));
            }
        }
        return sources;
    }

    /** At start: a missing {@code -v} source directory is made on the host, and every tmpfs is new. */
    static void started(FileSystems files, Container container, Optional<ContainerFiles> own) {
        for (BindOrTmpfs mount : BindOrTmpfs.of(container)) {
            if (mount.tmpfs()) {
                own.ifPresent(f -> f.unmount(mount.destination()));
            } else if (files.hostBinds() && mount.createSource() && mount.source().startsWith("/")
                    && !HostNodes.exists(mount.source())) {
                try {
                    HostNodes.makeDirectories(mount.source());
                } catch (IOException e) {
                    String why = e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                            : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                            : String.valueOf(e.getMessage());
                    throw new DockerException(500, "error while creating mount source path '" + mount.source() + "': mkdir "
                            + mount.source() + ": " + why);
                }
            }
        }
    }

    /** Refuses a {@code --mount type=bind} whose source is missing, as dockerd does at create. */
    static void check(com.fasterxml.jackson.databind.JsonNode hostConfig, boolean hostBinds) {
        if (!hostBinds) {
            return;
        }
        for (BindOrTmpfs mount : BindOrTmpfs.of(hostConfig)) {
            if (!mount.tmpfs() && !mount.createSource() && !HostNodes.exists(mount.source())) {
                throw new DockerException(400, "invalid mount config for type \"bind\": bind source path does not exist: "
                        + mount.source());
            }
        }
    }

    private static Optional<PathTree> host(String source) {
        if (!HostNodes.exists(source)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new HostTree(java.nio.file.Path.of(source)));
        } catch (UncheckedIOException gone) {
            return Optional.empty();
        }
    }

    private static FileTree tmpfs(BindOrTmpfs mount, Instant now) {
        FileTree tree = FileTree.empty(now);
        tree.set("/", FileNode.directory(mount.mode(), now));
        return tree;
    }
}
