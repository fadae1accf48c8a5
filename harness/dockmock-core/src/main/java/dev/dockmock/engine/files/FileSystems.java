package dev.dockmock.engine.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.containers.Container;
import dev.dockmock.engine.containers.Containers;
import dev.dockmock.engine.containers.VolumeUse;
import dev.dockmock.engine.images.Image;
import dev.dockmock.engine.images.ImageCatalogue;
import dev.dockmock.engine.networks.Networks;
import dev.dockmock.engine.process.ProcessFiles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The files of images and containers, all in memory. A container's filesystem is made on first
 * use from its image's files (a container nobody looked into has no changes, so making it late is
 * the same as making it at create); a registry image's files are its {@link ImageRoots root}.
 * A container's {@link #view view} mounts the trees of its volumes over its own tree; a container
 * with volumes gets its filesystem when it starts, as that is when its mount points are made.
 * Every method expects the engine's lock to be held.
 */
public final class FileSystems {
    private final EngineContext context;
    private final Containers containers;
    private final Map<String, ContainerFiles> byContainer = new HashMap<>();
    private final Map<String, ImageFiles> byImage = new HashMap<>();
    private final Function<String, Optional<FileTree>> volumeFiles;

    /**
     * @param volumeFiles the files of a volume by its name; empty when there is no such volume
     */
    public FileSystems(EngineContext context, Containers containers, Function<String, Optional<FileTree>> volumeFiles) {
        this.context = context;
        this.containers = containers;
        this.volumeFiles = volumeFiles;
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
            personalise(base, container);
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
     * What {@code container}'s processes and {@code docker cp} see: its own tree with its volumes'
     * trees mounted over it. Missing mount points are made first, as the runtime makes them.
     */
    public PathTree view(Container container) {
        return ContainerMounts.view(of(container).tree(), container, volumeFiles, context.clock().instant());
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

    /**
     * What dockerd writes first in every container's {@code /etc/hosts} (the IPv6 names too: since
     * Docker 26 only when the container's loopback has {@code ::1}, which it has by default).
     */
    private static final String DEFAULT_HOSTS = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
            + "fe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n";

    /**
     * {@code --add-host name:ip} entries ({@code HostConfig.ExtraHosts}, {@code name=ip} too), one
     * {@code ip<TAB>name} line each, in the order given; {@code host-gateway} is the bridge's gateway.
     */
    private static String extraHosts(Container container) {
        JsonNode extra = container.spec().hostConfig().path("ExtraHosts");
        StringBuilder lines = new StringBuilder();
        for (JsonNode entry : extra) {
            String text = entry.asText("");
            int separator = text.indexOf('=') > 0 ? text.indexOf('=') : text.indexOf(':');
            if (separator <= 0) {
                continue;
            }
            String address = text.substring(separator + 1);
            if (address.equals("host-gateway")) {
                address = Networks.BRIDGE_GATEWAY;
            }
            lines.append(address).append('\t').append(text, 0, separator).append('\n');
        }
        return lines.toString();
    }

    /** The files the daemon bind-mounts into every container, so that they name the container. */
    private static void personalise(FileTree tree, Container container) {
        if (tree.get("/etc").map(FileNode::isDirectory).orElse(false)) {
            String hostname = container.spec().hostname();
            String ip = container.endpoints().values().stream().map(Container.Endpoint::ipAddress)
                    .filter(a -> a != null && !a.isEmpty()).findFirst().orElse("");
            tree.set("/etc/hostname", FileNode.file(hostname + "\n", 0644, container.created()));
            tree.set("/etc/hosts", FileNode.file(DEFAULT_HOSTS + extraHosts(container)
                    + (ip.isEmpty() ? "" : ip + "\t" + hostname + "\n"), 0644, container.created()));
        }
    }
}
