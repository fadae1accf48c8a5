package dev.dockmock.engine.images;

import dev.dockmock.protocol.DockerException;
import java.util.regex.Pattern;

/**
 * A parsed image reference, normalised as Docker does: {@code alpine} is
 * {@code docker.io/library/alpine:latest}, shown to users in its familiar form
 * ({@code alpine:latest}).
 *
 * @param domain the registry ({@code docker.io}, {@code localhost:5000})
 * @param path the repository path ({@code library/alpine}, {@code testcontainers/ryuk})
 * @param tag the tag, {@code latest} when none was given
 * @param digest the digest ({@code sha256:...}), or null
 */
public record ImageReference(String domain, String path, String tag, String digest) {
    private static final Pattern PATH = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");
    public static final String DOCKER_HUB = "docker.io";

    /**
     * Parses a reference with a tag and/or digest.
     *
     * @throws DockerException 400 {@code invalid reference format} as dockerd words it
     */
    public static ImageReference parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new DockerException(400, "invalid reference format");
        }
        String rest = text;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                throw new DockerException(400, "invalid reference format");
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new DockerException(400, "invalid reference format");
            }
        }
        String domain = DOCKER_HUB;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                domain = first;
                rest = rest.substring(slash + 1);
            }
        }
        if (domain.equals("index.docker.io")) {
            domain = DOCKER_HUB;
        }
        if (!rest.equals(rest.toLowerCase(java.util.Locale.ROOT))) {
            throw new DockerException(400, "invalid reference format: repository name (" + rest + ") must be lowercase");
        }
        if (!PATH.matcher(rest).matches()) {
            throw new DockerException(400, "invalid reference format");
        }
        if (domain.equals(DOCKER_HUB) && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        return new ImageReference(domain, rest, tag == null && digest == null ? "latest" : tag, digest);
    }

    /** The repository as users see it: {@code alpine}, {@code testcontainers/ryuk}, {@code localhost:5000/app}. */
    public String familiarRepository() {
        if (domain.equals(DOCKER_HUB)) {
            return path.startsWith("library/") ? path.substring("library/".length()) : path;
        }
        return domain + "/" + path;
    }

    /** {@code repository:tag} as in {@code RepoTags}, or null without a tag. */
    public String familiarTagged() {
        return tag == null ? null : familiarRepository() + ":" + tag;
    }

    /** The fully qualified name ({@code docker.io/library/alpine}), as pull progress names it. */
    public String fullRepository() {
        return domain + "/" + path;
    }

    /** The reference as the user would write it. */
    public String familiar() {
        String base = familiarRepository();
        if (tag != null) {
            base += ":" + tag;
        }
        return digest == null ? base : base + "@" + digest;
    }

    public ImageReference withTag(String newTag) {
        return new ImageReference(domain, path, newTag, null);
    }

    @Override
    public String toString() {
        return familiar();
    }
}
