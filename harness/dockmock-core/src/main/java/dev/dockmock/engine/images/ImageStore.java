package dev.dockmock.engine.images;

import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The images present locally. Not thread-safe: the engine's lock guards it. */
public final class ImageStore {

    private final Map<String, Image> byId = new LinkedHashMap<>();
    // Bumped by every change to byId, so answers cached from the images can tell they are stale.
    private volatile long modifications;

    /** How many changes this store has seen; readable without the engine's lock. */
    public long modifications() {
        return modifications;
    }

    /** Adds or replaces an image, moving any of its tags away from other images. */
    public void put(Image image) {
        for (String tag : image.repoTags()) {
            untagEverywhere(tag);
        }
        modifications++;
        byId.put(image.id(), image);
    }

    /** Removes {@code tag} from whichever image has it; returns that image's id, if any. */
    public Optional<String> untagEverywhere(String tag) {
        for (Image image : new ArrayList<>(byId.values())) {
            if (image.repoTags().contains(tag)) {
                List<String> tags = new ArrayList<>(image.repoTags());
                tags.remove(tag);
                modifications++;
                byId.put(image.id(), image.withTags(tags));
                return Optional.of(image.id());
            }
        }
        return Optional.empty();
    }

    public void remove(String id) {
        modifications++;
        byId.remove(id);
    }

    public Collection<Image> all() {
        return List.copyOf(byId.values());
    }

    /**
     * Finds an image by reference ({@code alpine}, {@code alpine:3.20}), full or short id
     * ({@code sha256:abc...}, {@code abc123}), or digest reference.
     */
    public Optional<Image> find(String nameOrId) {
        if (nameOrId == null || nameOrId.isEmpty()) {
            return Optional.empty();
        }
        String bare = nameOrId.startsWith("sha256:") ? nameOrId.substring(7) : nameOrId;
        if (isHex(bare, 64, 64)) {
            Image image = byId.get("sha256:" + bare);
            if (image != null) {
                return Optional.of(image);
            }
        }
        ImageReference reference = null;
        try {
            reference = ImageReference.parse(nameOrId);
        } catch (DockerException e) {
            // not a reference; maybe a short id
        }
        if (reference != null) {
            for (Image image : byId.values()) {
                if (reference.digest() != null
                        ? image.repoDigests().contains(reference.familiarRepository() + "@" + reference.digest())
                        : image.repoTags().contains(reference.familiarTagged())) {
                    return Optional.of(image);
                }
            }
        }
        if (isHex(bare, 4, 63)) {
            List<Image> matches = byId.values().stream().filter(i -> i.id().startsWith("sha256:" + bare)).toList();
            if (matches.size() == 1) {
                return Optional.of(matches.get(0));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code text} is {@code min} to {@code max} lower-case hex digits; without a regex, as every list entry asks. */
    private static boolean isHex(String text, int min, int max) {
        if (text.length() < min || text.length() > max) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Like {@link #find} but fails as dockerd does.
     *
     * @throws DockerException 404 {@code No such image: x}
     */
    public Image get(String nameOrId) {
        return find(nameOrId).orElseThrow(() -> new DockerException(404, "No such image: " + familiar(nameOrId)));
    }

    private static String familiar(String nameOrId) {
        try {
            ImageReference reference = ImageReference.parse(nameOrId);
            return reference.familiar();
        } catch (DockerException e) {
            return nameOrId;
        }
    }
}
