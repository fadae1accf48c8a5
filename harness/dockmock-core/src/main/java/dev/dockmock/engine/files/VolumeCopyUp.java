package dev.dockmock.engine.files;

import dev.dockmock.engine.containers.Container;
import dev.dockmock.engine.containers.VolumeMount;
import dev.dockmock.engine.containers.VolumeUse;
import java.util.Map;
import java.util.Optional;

/**
 * The volumes' files as containers come and go. At create, dockerd's copy-up: a volume that is
 * still empty gets the image's files at its mount point (when the image has a directory there,
 * links followed), and its root takes that directory's mode, owner and time; not for {@code nocopy} /
 * {@code VolumeOptions.NoCopy}, and never for a volume that holds anything. At start, missing
 * {@code -v} bind sources and the mount points are made, and tmpfs mounts start empty. Runs after
 * the volume store has created the container's volumes; called with the engine's lock held.
 */
final class VolumeCopyUp implements VolumeUse {
    private final FileSystems files;

    VolumeCopyUp(FileSystems files) {
        this.files = files;
    }

    @Override
    public void created(Container container) {
        FileTree image = null;
        for (VolumeMount mount : container.volumeMounts()) {
            Optional<FileTree> volume = files.volumeFiles(mount.name());
            if (!mount.copyImageFiles() || volume.isEmpty() || !volume.get().children("/").isEmpty()) {
                continue;
            }
            if (image == null) {
                image = files.imageTree(container);
            }
            copy(image, mount.destination(), volume.get());
        }
    }

    @Override
    public void checkBinds(com.fasterxml.jackson.databind.JsonNode hostConfig) {
        files.check(hostConfig);
    }

    @Override
    public void started(Container container) {
        files.started(container);
    }

    @Override
    public void stopped(Container container) {
        files.stopped(container);
    }

    private static void copy(FileTree image, String destination, FileTree volume) {
        String source;
        try {
            source = image.resolve(destination, true);
        } catch (dev.dockmock.protocol.DockerException tooManyLinks) {
            return;
        }
        Optional<FileNode> dir = image.get(source).filter(FileNode::isDirectory);
        if (dir.isEmpty()) {
            return;
        }
        for (Map.Entry<String, FileNode> entry : image.subtree(source).entrySet()) {
            if (!entry.getKey().equals(source)) {
                volume.set(entry.getKey().substring(source.equals("/") ? 0 : source.length()), entry.getValue());
            }
        }
        volume.set("/", dir.get());
    }
}
