package dev.dockmock.engine.build;

import dev.dockmock.engine.files.Layer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The classic builder's cache: the state after a step, keyed by the state before it, the
 * instruction and what it read (build arguments, copied files). A hit reuses the step's result,
 * times included, so rebuilding an unchanged Dockerfile gives the same image id, as with dockerd.
 */
final class BuildCache {
    private final Map<String, StageState> entries = new LinkedHashMap<>();

    static String key(String parentId, Instruction instruction, String inputs) {
        return Layer.sha256((parentId + "\n" + instruction.original() + "\n" + inputs).getBytes(StandardCharsets.UTF_8));
    }

    synchronized Optional<StageState> find(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized void put(String key, StageState state) {
        entries.put(key, state);
    }

    /** Empties the cache; the answer of {@code POST /build/prune}. */
    synchronized Map<String, Object> prune() {
        List<String> deleted = new ArrayList<>();
        long reclaimed = 0;
        for (StageState state : entries.values()) {
            deleted.add(state.id().substring(7));
            if (!state.layers().isEmpty() && !state.history().isEmpty() && !state.history().get(state.history().size() - 1).emptyLayer()) {
                reclaimed += state.layers().get(state.layers().size() - 1).size();
            }
        }
        entries.clear();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("CachesDeleted", deleted);
        answer.put("SpaceReclaimed", reclaimed);
        return answer;
    }
}
