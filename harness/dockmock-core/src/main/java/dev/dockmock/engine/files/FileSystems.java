package dev.dockmock.engine.files;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.containers.Container;
import dev.dockmock.engine.containers.Containers;
import dev.dockmock.engine.images.Image;
import dev.dockmock.engine.images.ImageCatalogue;
import dev.dockmock.engine.process.ProcessFiles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files of images and containers, all in memory. A container's filesystem is made on first
 * use from its image's files (a container nobody looked into has no changes, so making it late is
 * the same as making it at create); a registry image's files are its {@link ImageRoots root}.
 * Every method expects the engine's lock to be held.
 */
public final class FileSystems {
    private final EngineContext context;
    private final Containers containers;
    private final Map<String, ContainerFiles> byContainer = new HashMap<>();
    private final Map<String, ImageFiles> byImage = new HashMap<>();

    public FileSystems(EngineContext context, Containers containers) {
        this.context = context;
        this.containers = containers;
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
            FileTree base = context.images().find(container.imageId())
                    .map(image -> imageFiles(image).tree(image.created()))
                    .orElseGet(() -> stored(container.imageId()).map(f -> f.tree(container.created()))
                            .orElseGet(() -> FileTree.empty(container.created())));
            personalise(base, container);
            files = new ContainerFiles(base);
            byContainer.put(container.id(), files);
        }
        return files;
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

    /** The files the daemon bind-mounts into every container, so that they name the container. */
    private static void personalise(FileTree tree, Container container) {
        if (tree.get("/etc").map(FileNode::isDirectory).orElse(false)) {
            String hostname = container.spec().hostname();
            String ip = container.endpoints().values().stream().map(Container.Endpoint::ipAddress)
                    .filter(a -> a != null && !a.isEmpty()).findFirst().orElse("");
            tree.set("/etc/hostname", FileNode.file(hostname + "\n", 0644, container.created()));
            tree.set("/etc/hosts", FileNode.file("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
                    + (ip.isEmpty() ? "" : ip + "\t" + hostname + "\n"), 0644, container.created()));
        }
    }
}
