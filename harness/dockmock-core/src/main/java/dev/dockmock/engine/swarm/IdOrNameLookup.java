package dev.dockmock.engine.swarm;

import dev.dockmock.protocol.DockerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** dockerd's lookup of a swarm object (service, node, task, secret, config) by what a client typed. */
final class IdOrNameLookup {
    private IdOrNameLookup() {
    }

    /**
     * The object {@code input} names in {@code byId}: the full id, then the name ({@code name}
     * of an object, null for kinds without one), then a unique id prefix.
     *
     * @throws DockerException 404 {@code <what> x not found}, 400 when a name or prefix is ambiguous
     */
    static <T> T find(Map<String, T> byId, String input, Function<T, String> name, String what) {
        T exact = byId.get(input);
        if (exact != null) {
            return exact;
        }
        List<T> named = new ArrayList<>();
        List<T> prefixed = new ArrayList<>();
        for (Map.Entry<String, T> entry : byId.entrySet()) {
            if (input.equals(name.apply(entry.getValue()))) {
                named.add(entry.getValue());
            }
            if (!input.isEmpty() && entry.getKey().startsWith(input)) {
                prefixed.add(entry.getValue());
            }
        }
        List<T> found = named.isEmpty() ? prefixed : named;
        if (found.size() > 1) {
            throw new DockerException(400, what + " " + input + " is ambiguous (" + found.size() + " matches found)");
        }
        if (found.isEmpty()) {
            throw new DockerException(404, what + " " + input + " not found");
        }
        return found.get(0);
    }
}
