package dev.dockmock.engine.images;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.Filters;
import dev.dockmock.protocol.ApiRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code GET /images/json} with dockerd's filters. */
final class ImageList {
    private static final Set<String> FILTERS = Set.of("dangling", "label", "reference", "before", "since", "until");

    private ImageList() {
    }

    static List<Map<String, Object>> list(EngineContext context, ApiRequest request, ImageUsers users) {
        Filters filters = Filters.parse(request.query().first("filters").orElse(null)).accept(FILTERS);
        synchronized (context.lock()) {
            List<Image> images = new ArrayList<>(context.images().all());
            images.sort(Comparator.comparing(Image::created).reversed());
            List<Map<String, Object>> list = new ArrayList<>();
            for (Image image : images) {
                boolean dangling = image.repoTags().isEmpty();
                if (!filters.anyMatches("dangling", v -> Boolean.parseBoolean(v) == dangling)
                        || !filters.labelsMatch("label", image.config().labels())
                        || !filters.anyMatches("reference", v -> image.repoTags().stream().anyMatch(t -> referenceMatches(t, v)))
                        || !filters.anyMatches("before", v -> context.images().find(v).map(o -> image.created().isBefore(o.created())).orElse(false))
                        || !filters.anyMatches("since", v -> context.images().find(v).map(o -> image.created().isAfter(o.created())).orElse(false))) {
                    continue;
                }
                Image shown = image;
                if (filters.has("reference")) {
                    // dockerd lists only the tags that match the reference filter
                    shown = image.withTags(image.repoTags().stream()
                            .filter(t -> filters.get("reference").stream().anyMatch(v -> referenceMatches(t, v))).toList())
                            .withDigests(image.repoDigests().stream()
                                    .filter(d -> filters.get("reference").stream()
                                            .anyMatch(v -> referenceMatches(d.substring(0, d.indexOf('@')) + ":x", v)))
                                    .toList());
                }
                list.add(ImageDocuments.summary(shown, request.query().flag("shared-size", false) ? (users.anyUser(image.id()).isPresent() ? 1 : 0) : -1));
            }
            return list;
        }
    }

    /** The reference filter: a glob on {@code repository[:tag]}. */
    static boolean referenceMatches(String repoTag, String pattern) {
        String regex = pattern.replace(".", "\\.").replace("*", "[^/]*").replace("?", "[^/]");
        if (!pattern.contains(":")) {
            return repoTag.substring(0, repoTag.lastIndexOf(':')).matches(regex);
        }
        return repoTag.matches(regex);
    }
}
