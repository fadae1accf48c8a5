package dev.dockmock.engine.images;

import dev.dockmock.dispatch.PathParams;
import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.Filters;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code DELETE /images/{name}} and {@code POST /images/prune}, with dockerd's conflict rules. */
public final class ImageRemoval {
    private final EngineContext context;
    private final ImageUsers users;

    public ImageRemoval(EngineContext context, ImageUsers users) {
        this.context = context;
        this.users = users;
    }

    public ApiResponse delete(ApiRequest request, PathParams params) {
        String name = params.get("name");
        boolean force = request.query().flag("force", false);
        synchronized (context.lock()) {
            Image image = context.images().get(name);
            List<Map<String, String>> report = new ArrayList<>();
            boolean byReference = !image.id().startsWith(name.startsWith("sha256:") ? name : "sha256:" + name);
            Optional<String> running = users.runningUser(image.id());
            if (byReference && image.repoTags().size() > 1) {
                untag(image, ImageReference.parse(name).familiarTagged(), report);
            } else {
                if (running.isPresent()) {
                    throw new DockerException(409, "conflict: unable to delete " + image.shortId() + " (cannot be forced) - image is being used by running container " + running.get());
                }
                Optional<String> user = users.anyUser(image.id());
                if (user.isPresent() && !force) {
                    throw new DockerException(409, byReference
                            ? "conflict: unable to remove repository reference \"" + name + "\" (must force) - container " + user.get() + " is using its referenced image " + image.shortId()
                            : "conflict: unable to delete " + image.shortId() + " (must be forced) - image is being used by stopped container " + user.get());
                }
                if (!byReference && image.repoTags().size() > 1 && !force) {
                    throw new DockerException(409, "conflict: unable to delete " + image.shortId() + " (must be forced) - image is referenced in multiple repositories");
                }
                for (String tag : image.repoTags()) {
                    untag(image, tag, report);
                }
                for (String digest : image.repoDigests()) {
                    report.add(Map.of("Untagged", digest));
                }
                if (user.isEmpty()) {
                    context.images().remove(image.id());
                    report.add(Map.of("Deleted", image.id()));
                    context.events().publish("image", "delete", image.id(), Map.of("name", image.id()));
                } else {
                    context.images().put(context.images().get(image.id()).withTags(List.of()).withDigests(List.of()));
                }
            }
            context.changed();
            return ApiResponse.json(200, Json.bytes(report));
        }
    }

    private void untag(Image image, String tag, List<Map<String, String>> report) {
        context.images().untagEverywhere(tag);
        report.add(Map.of("Untagged", tag));
        context.events().publish("image", "untag", image.id(), Map.of("name", image.id()));
    }

    public ApiResponse prune(ApiRequest request, PathParams params) {
        Filters filters = Filters.parse(request.query().first("filters").orElse(null)).accept(Set.of("dangling", "label", "until"));
        boolean danglingOnly = filters.get("dangling").stream().noneMatch(v -> v.equals("false") || v.equals("0"));
        synchronized (context.lock()) {
            List<Map<String, String>> deleted = new ArrayList<>();
            long reclaimed = 0;
            for (Image image : context.images().all()) {
                if ((danglingOnly && !image.repoTags().isEmpty()) || users.anyUser(image.id()).isPresent()
                        || !filters.labelsMatch("label", image.config().labels())) {
                    continue;
                }
                image.repoTags().forEach(t -> deleted.add(Map.of("Untagged", t)));
                context.images().remove(image.id());
                deleted.add(Map.of("Deleted", image.id()));
                reclaimed += image.size();
                context.events().publish("image", "delete", image.id(), Map.of("name", image.id()));
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("ImagesDeleted", deleted.isEmpty() ? null : deleted);
            answer.put("SpaceReclaimed", reclaimed);
            context.events().publish("image", "prune", "", Map.of("reclaimed", String.valueOf(reclaimed)));
            context.changed();
            return ApiResponse.json(200, Json.bytes(answer));
        }
    }
}
