package dev.dockmock.engine.containers;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which container holds which name, and free names for new containers. Names clients chose, and
 * plain generated ones, are in a hash map; numbered generated names are found by their number
 * ({@link NumberedNames}). Used under the engine's lock, but for {@link #generate}, which
 * needs none.
 */
final class ContainerNameIndex {
    // Concurrent so that a name can be chosen outside the engine's lock.
    private final Map<String, String> idByName = new ConcurrentHashMap<>();
    private final NumberedNames numbered = new NumberedNames();
    private volatile int containers;

    /** The id of the container named {@code name}; null when none is. */
    String holderOf(String name) {
        String id = idByName.get(name);
        if (id != null) {
            return id;
        }
        Container container = numbered.find(name);
        return container == null ? null : container.id();
    }

    /**
     * A name free when chosen: a plain one while few containers exist, as dockerd gives, else one
     * with a number no generated name had before (unless a client took it: then another).
     */
    String generate(String id) {
        if (NameGenerator.plainFirst(containers)) {
            String plain = NameGenerator.plain(id);
            if (!idByName.containsKey(plain)) {
                return plain;
            }
        }
        while (true) {
            String name = NameGenerator.numbered(id, numbered.reserve());
            if (!idByName.containsKey(name)) {
                return name;
            }
        }
    }

    /** Records {@code container}'s name, free by now; {@code requested}: a client chose it. */
    void add(Container container, boolean requested) {
        if (!requested && NumberedNames.trailingNumber(container.name()) > 0) {
            numbered.put(container);
        } else {
            idByName.put(container.name(), container.id());
        }
    }

    /** Forgets {@code container}'s current name. */
    void remove(Container container) {
        if (!numbered.remove(container)) {
            idByName.remove(container.name(), container.id());
        }
    }

    /** How many containers exist, which decides whether plain names are crowded. */
    void containers(int count) {
        containers = count;
    }
}
