package dev.dockmock.engine.swarm;

import java.time.Instant;
import java.util.Map;

/**
 * What every swarm object carries: the raft index of its last change and when it was created and
 * last updated. Updates must name the current index ({@code ?version=}); an older one is refused.
 *
 * @param index the object's version, the cluster-wide change counter when it last changed
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
record Meta(long index, Instant createdAt, Instant updatedAt) {

    static Meta created(long index, Instant now) {
        return new Meta(index, now, now);
    }

    Meta updated(long newIndex, Instant now) {
        return new Meta(newIndex, createdAt, now);
    }

    /** Puts {@code Version}, {@code CreatedAt} and {@code UpdatedAt} into a document being built. */
    void putInto(Map<String, Object> doc) {
        doc.put("Version", Map.of("Index", index));
        doc.put("CreatedAt", createdAt.toString());
        doc.put("UpdatedAt", updatedAt.toString());
    }
}
