package dev.dockmock.engine.containers;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.Filters;
import dev.dockmock.engine.images.Image;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code GET /containers/json} with {@code all}, {@code limit} and dockerd's filters. */
final class ContainerList {
    private static final Set<String> FILTERS = Set.of("id", "name", "label", "status", "exited", "ancestor", "before",
            "since", "network", "health", "is-task", "publish", "expose", "volume");
    private static final Set<String> STATUSES = Set.of("created", "restarting", "running", "removing", "paused", "exited", "dead");

    private ContainerList() {
    }

    /**
     * A list and what it was built from: the state version and the moment its first {@code Status} text changes.
     */
    record Built(List<Map<String, Object>> entries, long version, java.time.Instant validUntil) {
    }

    /** The state version a list depends on; readable without the lock. */
    static long version(EngineContext context, Containers containers) {
        return containers.version() + context.images().modifications() + context.networks().modifications();
    }

    static Built build(EngineContext context, Containers containers, ApiRequest request) {
        Filters filters = Filters.parse(request.query().first("filters").orElse(null)).accept(FILTERS);
        for (String status : filters.get("status")) {
            if (!STATUSES.contains(status)) {
                throw new DockerException(400, "invalid filter 'status=" + status + "'");
            }
        }
        boolean all = request.query().flag("all", false) || filters.has("status") || filters.has("exited");
        int limit = request.query().first("limit").map(ContainerList::number).orElse(-1);
        synchronized (context.lock()) {
            java.time.Instant now = java.time.Instant.now();
            java.time.Instant validUntil = java.time.Instant.MAX;
            List<Container> matching = new ArrayList<>(containers.all());
            matching.sort(Comparator.comparing(Container::created).reversed());
            Long before = bound(containers, filters, "before");
            Long since = bound(containers, filters, "since");
            List<Map<String, Object>> list = new ArrayList<>();
            // Name patterns compiled once per request (when first needed), not once per container.
            Map<String, java.util.regex.Pattern> names = new java.util.HashMap<>();
            for (Container c : matching) {
                if ((!all && limit <= 0 && !c.status().isUp()) || !matches(context, c, filters, names)) {
                    continue;
                }
                if ((before != null && c.created().toEpochMilli() * 1000 + seq(c) >= before)
                        || (since != null && c.created().toEpochMilli() * 1000 + seq(c) <= since)) {
                    continue;
                }
                if (limit > 0 && list.size() >= limit) {
                    break;
                }
                String imageName = c.spec().image();
                list.add(ContainerDocuments.summary(c, context.networks(), displayImage(context, c, imageName)));
                validUntil = earlier(validUntil, StatusText.nextChange(c, now));
            }
            return new Built(list, version(context, containers), validUntil);
        }
    }

    private static java.time.Instant earlier(java.time.Instant a, java.time.Instant b) {
        return b.isBefore(a) ? b : a;
    }

    private static int seq(Container c) {
        return 0;
    }

    private static Long bound(Containers containers, Filters filters, String name) {
        List<String> values = filters.get(name);
        if (values.isEmpty()) {
            return null;
        }
        Container c = containers.get(values.get(0));
        return c.created().toEpochMilli() * 1000;
    }

    private static String displayImage(EngineContext context, Container c, String imageName) {
        Image image = context.images().find(c.imageId()).orElse(null);
        if (image == null) {
            return c.imageId();
        }
        return imageName;
    }

    private static boolean matches(EngineContext context, Container c, Filters f, Map<String, java.util.regex.Pattern> names) {
        return f.anyMatches("id", v -> c.id().startsWith(v))
                && f.anyMatches("name", v -> c.name().contains(v.startsWith("/") ? v.substring(1) : v)
                        || names.computeIfAbsent(v, k -> java.util.regex.Pattern.compile(".*" + k + ".*")).matcher("/" + c.name()).matches())
                && f.labelsMatch("label", c.spec().labels())
                && f.anyMatches("status", v -> v.equals(c.status().wire()))
                && f.anyMatches("exited", v -> c.status() == ContainerStatus.EXITED && String.valueOf(c.exitCode()).equals(v))
                && f.anyMatches("ancestor", v -> ancestor(context, c, v))
                && f.anyMatches("network", v -> c.endpoints().containsKey(v)
                        || c.endpoints().values().stream().anyMatch(e -> e.networkId().startsWith(v)) || c.spec().networkMode().equals(v))
                && f.anyMatches("health", v -> v.equals(c.health().isEmpty() ? "none" : c.health()))
                && f.anyMatches("expose", v -> c.spec().exposedPorts().contains(ConfigValues.normalisePort(v)))
                && f.anyMatches("publish", v -> c.ports().stream().anyMatch(p -> String.valueOf(p.hostPort()).equals(v.split("/")[0])))
                && f.anyMatches("is-task", v -> v.equals("false"));
    }

    private static boolean ancestor(EngineContext context, Container c, String value) {
        return context.images().find(value).map(i -> i.id().equals(c.imageId())).orElse(false)
                || c.spec().image().equals(value);
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new DockerException(400, "invalid limit: " + text);
        }
    }
}
