package dev.dockmock.engine.files;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The files of an image: its layers, bottom first, and, when its id is the digest of a config
 * document (built, committed and loaded images), that exact document, so {@code docker save}
 * writes the bytes the id names.
 *
 * @param layers the layers, bottom first
 * @param config the image config JSON whose digest is the image id, if there is one
 */
public record ImageFiles(List<Layer> layers, Optional<byte[]> config) {

    public ImageFiles {
        layers = List.copyOf(layers);
    }

    public static ImageFiles of(List<Layer> layers) {
        return new ImageFiles(layers, Optional.empty());
    }

    /** The merged tree every container of the image starts from. */
    public FileTree tree(Instant rootTime) {
        FileTree tree = FileTree.empty(rootTime);
        layers.forEach(layer -> layer.applyTo(tree));
        return tree;
    }

    /** The layers' diff ids, bottom first. */
    public List<String> diffIds() {
        return layers.stream().map(Layer::diffId).toList();
    }

    /** The summed size of the files in every layer. */
    public long size() {
        return layers.stream().mapToLong(Layer::size).sum();
    }
}
