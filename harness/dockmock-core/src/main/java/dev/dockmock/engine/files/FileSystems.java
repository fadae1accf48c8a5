package dev.dockmock.engine.files;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.containers.Container;
import dev.dockmock.engine.containers.Containers;
import dev.dockmock.engine.containers.VolumeUse;
import dev.dockmock.engine.images.Image;
import dev.dockmock.engine.images.ImageCatalogue;
import dev.dockmock.engine.process.ProcessFiles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The files of images and containers, in memory but for bind mounts, which reach the host (unless
 * host binds are off). A container's filesystem is made on first use from its image's files (a
 * container nobody looked into has no changes, so making it late is the same as making it at
 * create); a registry image's files are its {@link ImageRoots root}. A container's {@link #view
 * view} mounts the trees of its volumes and binds over its own tree, and its processes' view its
 * tmpfs mounts too ({@link MountSources}); a container with mounts gets its filesystem when it
 * starts, as that is when its mount points are made. Every method expects the engine's lock to be held.
 */
public final class FileSystems {
    private final EngineContext context;
    private final Containers containers;
    private final Map<String, ContainerFiles> byContainer = new HashMap<>();
    private final Map<String, ImageFiles> byImage = new HashMap<>();
    private final Function<String, Optional<FileTree>> volumeFiles;
    private final boolean hostBinds;

    /**
     * Files whose bind mounts read and write the host.
     *
     * @param volumeFiles the files of a volume by its name; empty when there is no such volume
     */
    public FileSystems(EngineContext context, Containers containers, Function<String, Optional<FileTree>> volumeFiles) {
        this(context, containers, volumeFiles, true);
    }

    /**
     * @param volumeFiles the files of a volume by its name; empty when there is no such volume
     * @param hostBinds whether bind mounts read and write the host's files; when false each bind
     *        is an in-memory tree of its container's, empty at first
     */
    public FileSystems(EngineContext context, Containers containers, Function<String, Optional<FileTree>> volumeFiles,
            boolean hostBinds) {
        this.context = context;
        this.containers = containers;
        this.volumeFiles = volumeFiles;
        this.hostBinds = hostBinds;
    }

    /** Whether bind mounts read and write the host's files. */
    public boolean hostBinds() {
        return hostBinds;
    }

    public EngineContext context() {
        return context;
    }

    public Containers containers() {
        return containers;
    }

    /** The filesystem of {@code container}. */
    public ContainerFiles of(Container container) {
        ContainerFiles files = byContainer.get(container.id());
        if (files == null) {
            byContainer.keySet().removeIf(id -> containers.find(id).isEmpty());
            FileTree base = imageTree(container);
            DaemonFiles.add(base, container);
            files = new ContainerFiles(base);
            byContainer.put(container.id(), files);
        }
        return files;
    }

    /** A new tree of the files {@code container}'s image gives it, before the daemon adds its own. */
    FileTree imageTree(Container container) {
        return context.images().find(container.imageId())
                .map(image -> imageFiles(image).tree(image.created()))
                .orElseGet(() -> stored(container.imageId()).map(f -> f.tree(container.created()))
                        .orElseGet(() -> FileTree.empty(container.created())));
    }

    /**
     * What {@code docker cp} sees of {@code container}: its own tree with its volumes' and binds'
     * trees mounted over it (not its tmpfs mounts). Missing mount points are made first, as the
     * runtime makes them.
     */
    public PathTree view(Container container) {
        ContainerFiles own = of(container);
        return ContainerMounts.view(own.tree(), MountSources.of(this, container, own, false), context.clock().instant());
    }

    /** What {@code container}'s processes see: {@link #view} and its tmpfs mounts. */
    PathTree processTree(Container container) {
        ContainerFiles own = of(container);
        return ContainerMounts.view(own.tree(), MountSources.of(this, container, own, true), context.clock().instant());
    }

    /** {@code container} started: missing {@code -v} sources are made, tmpfs mounts are new, mount points made. */
    void started(Container container) {
        MountSources.started(this, container, Optional.ofNullable(byContainer.get(container.id())));
        if (!container.volumeMounts().isEmpty() || !BindOrTmpfs.of(container).isEmpty()) {
            processTree(container);
        }
    }

    /** {@code container}'s process ended: its tmpfs mounts are gone (nothing can look into them until the next start). */
    void stopped(Container container) {
        ContainerFiles own = byContainer.get(container.id());
        if (own != null) {
            BindOrTmpfs.of(container).stream().filter(BindOrTmpfs::tmpfs).forEach(m -> own.unmount(m.destination()));
        }
    }

    /** Refuses the container's bind mounts whose source dockerd would not find. */
    void check(com.fasterxml.jackson.databind.JsonNode hostConfig) {
        MountSources.check(hostConfig, hostBinds);
    }

    /** The files of the volume named {@code name}, if it exists. */
    Optional<FileTree> volumeFiles(String name) {
        return volumeFiles.apply(name);
    }

    /** What the files do as containers' lives touch their volumes: copy-up at create, mount points at start. */
    public VolumeUse volumeUse() {
        return new VolumeCopyUp(this);
    }

    /** The files the processes of {@code container} read and write. */
    public ProcessFiles processView(Container container) {
        return ProcessFileView.of(this, container);
    }

    /** The files of {@code image}: those registered for it, or its registry root. */
    public ImageFiles imageFiles(Image image) {
        ImageFiles files = byImage.get(image.id());
        if (files == null) {
            List<String> tags = context.catalogue().entries().stream().filter(e -> e.image().id().equals(image.id()))
                    .findFirst().map(ImageCatalogue.Entry::tags).orElse(List.of());
            files = ImageFiles.of(List.of(Layer.of(ImageRoots.rootOf(image, tags))));
            byImage.put(image.id(), files);
        }
        return files;
    }

    /** The files registered for an image id (built, committed, loaded, or looked at before). */
    public Optional<ImageFiles> stored(String imageId) {
        return Optional.ofNullable(byImage.get(imageId));
    }

    /** Records the files of a new image. */
    public void register(String imageId, ImageFiles files) {
        byImage.put(imageId, files);
    }
}
