package dev.dockmock.junit.kit;

import dev.dockmock.junit.DockMock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What example classes saw of their servers, read back by the test that ran them. Test code only. */
public final class Sightings {
    private static final Map<String, Queue<Sighting>> SEEN = new ConcurrentHashMap<>();

    private Sightings() {
    }

    /** One look at a server from a place in an example. */
    public record Sighting(String where, DockMock dockmock, Path socket, boolean socketExisted) {
    }

    public static void see(String example, String where, DockMock dockmock) {
        SEEN.computeIfAbsent(example, k -> new ConcurrentLinkedQueue<>())
                .add(new Sighting(where, dockmock, dockmock.unixSocket(), Files.exists(dockmock.unixSocket())));
    }

    public static List<Sighting> of(String example) {
        return List.copyOf(SEEN.getOrDefault(example, new ConcurrentLinkedQueue<>()));
    }

    public static void forget(String example) {
        SEEN.remove(example);
    }
}
