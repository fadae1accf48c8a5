package dev.dockmock.engine.swarm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map of the cluster's objects by id that tells its owner every entry put or removed, so
 * that the control loop works on what changed rather than on everything every tick. Only
 * {@link #put} and {@link #remove(Object)} change it; the other ways of changing a map are
 * refused, so that no change goes unseen.
 */
final class WatchedMap<V> extends LinkedHashMap<String, V> {
    /** Told of each change: the id, the value before (null for a new entry) and after (null when removed). */
    @FunctionalInterface
    interface Listener<V> {
        void changed(String id, V before, V after);
    }

    private final transient Listener<V> onChange;

    WatchedMap(Listener<V> onChange) {
        this.onChange = onChange;
    }

    @Override
    public V put(String key, V value) {
        V old = super.put(key, value);
        onChange.changed(key, old, value);
        return old;
    }

    @Override
    public V remove(Object key) {
        V old = super.remove(key);
        if (old != null) {
            onChange.changed((String) key, old, null);
        }
        return old;
    }

    @Override
    public void putAll(Map<? extends String, ? extends V> map) {
        map.forEach(this::put);
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("remove entries one by one, so that the control loop sees it");
    }
}
