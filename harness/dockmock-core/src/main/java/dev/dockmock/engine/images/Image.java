package dev.dockmock.engine.images;

import java.time.Instant;
import java.util.List;

/**
 * An image in the local store.
 *
 * @param id {@code sha256:} followed by 64 hex digits
 * @param repoTags the tags pointing at it ({@code alpine:3.20}), in the order they were added
 * @param repoDigests the digests it was pulled by ({@code alpine@sha256:...})
 * @param parent the parent image id, empty for pulled images
 * @param created when it was built
 * @param size its size in bytes
 * @param config its container configuration
 * @param layers its layer diff ids
 * @param comment the build comment
 * @param source the catalogue entry it came from ({@code alpine}), used to find behaviours
 */
public record Image(String id, List<String> repoTags, List<String> repoDigests, String parent, Instant created, long size,
        ImageConfig config, List<String> layers, String comment, String source) {

    public Image {
        repoTags = List.copyOf(repoTags);
        repoDigests = List.copyOf(repoDigests);
        layers = List.copyOf(layers);
    }

    /** The 12-character short id shown by {@code docker images}. */
    public String shortId() {
        return id.substring(7, 19);
    }

    public Image withTags(List<String> tags) {
        return new Image(id, tags, repoDigests, parent, created, size, config, layers, comment, source);
    }

    public Image withDigests(List<String> digests) {
        return new Image(id, repoTags, digests, parent, created, size, config, layers, comment, source);
    }
}
