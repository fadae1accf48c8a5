package dev.dockmock.engine.swarm;

import dev.dockmock.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The serialised documents of a list endpoint's objects, kept between calls: a list of a thousand
 * nodes or ten thousand tasks is mostly the same from one call to the next, so each object is
 * serialised once per version. Swarm objects are immutable records replaced on every change, so
 * an entry is current while it was made from the very object (and context) listed now. Not
 * thread-safe: used with the cluster's lock held.
 *
 * @param <T> the kind of object
 */
final class DocumentCache<T> {
    private record Entry(Object value, Object context, byte[] bytes) {
    }

    private final Map<String, Entry> entries = new HashMap<>();

    /**
     * The JSON of {@code value}, made by {@code document} unless it was made before from this
     * same {@code value} and {@code context}.
     *
     * @param context anything else the document is made from (compared by identity), or null
     */
    byte[] bytes(String id, T value, Object context, Supplier<Object> document) {
        Entry entry = entries.get(id);
        if (entry == null || entry.value() != value || entry.context() != context) {
            entry = new Entry(value, context, Json.bytes(document.get()));
            entries.put(id, entry);
        }
        return entry.bytes();
    }

    /** Forgets the documents of objects that are gone, once they could make up half of what is kept. */
    void retain(Collection<String> liveIds) {
        if (entries.size() > 2 * liveIds.size() + 16) {
            Set<String> live = liveIds instanceof Set<String> set ? set : new HashSet<>(liveIds);
            entries.keySet().removeIf(id -> !live.contains(id));
        }
    }

    /** A JSON array of documents already serialised. */
    static byte[] array(List<byte[]> documents) {
        int size = 2 + Math.max(0, documents.size() - 1);
        for (byte[] document : documents) {
            size += document.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.write('[');
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(documents.get(i));
        }
        out.write(']');
        return out.toByteArray();
    }
}
