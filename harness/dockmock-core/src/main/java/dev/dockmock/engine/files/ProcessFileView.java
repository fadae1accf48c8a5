package dev.dockmock.engine.files;

import dev.dockmock.engine.containers.Container;
import dev.dockmock.engine.process.ProcessFiles;
import dev.dockmock.protocol.DockerException;
import java.util.List;
import java.util.Optional;

/**
 * A container's filesystem as its processes read it: the same tree {@code docker cp} and
 * {@code docker export} see (the image's files, the container's {@code /etc/hostname} and
 * {@code /etc/hosts}, files copied in). Each lookup takes the engine's lock, as every change to
 * the tree happens under it.
 */
final class ProcessFileView implements ProcessFiles {
    private final FileSystems files;
    private final Container container;

    ProcessFileView(FileSystems files, Container container) {
        this.files = files;
        this.container = container;
    }

    @Override
    public Optional<Entry> lookup(String path) {
        synchronized (files.context().lock()) {
            if (container.removed()) {
                return Optional.empty();
            }
            FileTree tree = files.of(container).tree();
            String resolved;
            try {
                resolved = tree.resolve(path, true);
            } catch (DockerException tooManyLinks) {
                return Optional.empty();
            }
            return tree.get(resolved).map(node -> switch (node.type()) {
                case DIRECTORY -> new Entry.Directory(names(tree.children(resolved)));
                case FILE -> new Entry.File(node.content());
                case SYMLINK -> null; // a dangling link: resolve followed every link it could
            });
        }
    }

    private static List<String> names(List<String> paths) {
        return paths.stream().map(p -> p.substring(p.lastIndexOf('/') + 1)).sorted().toList();
    }
}
