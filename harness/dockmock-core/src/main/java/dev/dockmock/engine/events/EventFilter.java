package dev.dockmock.engine.events;

import dev.dockmock.engine.Filters;

/** The {@code filters} of {@code /events}, as dockerd applies them. */
final class EventFilter {

    private EventFilter() {
    }

    static boolean matches(DockerEvent e, Filters f) {
        String name = e.attributes().getOrDefault("name", "");
        return f.anyMatches("type", v -> v.equals(e.type()))
                && f.anyMatches("event", v -> v.equals(e.action()) || e.action().startsWith(v + ":"))
                && f.anyMatches("scope", v -> v.equals(e.scope()))
                && f.labelsMatch("label", e.attributes())
                && actor(f, "container", e, "container", name)
                && actor(f, "image", e, "image", name)
                && actor(f, "network", e, "network", name)
                && actor(f, "volume", e, "volume", name)
                && actor(f, "daemon", e, "daemon", name)
                && actor(f, "service", e, "service", name)
                && actor(f, "node", e, "node", name)
                && actor(f, "secret", e, "secret", name)
                && actor(f, "config", e, "config", name)
                && actor(f, "plugin", e, "plugin", name);
    }

    /** An object filter keeps only events of that type whose actor has the given id or name. */
    private static boolean actor(Filters f, String filter, DockerEvent e, String type, String name) {
        if (!f.has(filter)) {
            return true;
        }
        if (filter.equals("image") && e.type().equals("container")) {
            String image = e.attributes().getOrDefault("image", "");
            return f.anyMatches(filter, v -> image.equals(v) || image.startsWith(v + ":"));
        }
        if (!e.type().equals(type)) {
            return false;
        }
        return f.anyMatches(filter, v -> e.actorId().startsWith(v) || name.equals(v) || name.equals("/" + v));
    }
}
