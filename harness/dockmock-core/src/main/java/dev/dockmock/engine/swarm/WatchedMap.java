package dev.dockmock.engine.swarm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A map of the cluster's objects by id that tells its owner which ids were put or removed, so
 * that the control loop works on what changed rather than on everything every tick. Only
 * {@link #put} and {@link #remove(Object)} change it; the other ways of changing a map are
 * refused, so that no change goes unseen.
 */
final class WatchedMap<V> extends LinkedHashMap<String, V> {
    private final transient Consumer<String> onChange;

    /** @param onChange told the id of every put or removed entry */
    WatchedMap(Consumer<String> onChange) {
        this.onChange = onChange;
    }

    @Override
    public V put(String key, V value) {
        V old = super.put(key, value);
        onChange.accept(key);
        return old;
    }

    @Override
    public V remove(Object key) {
        V old = super.remove(key);
        if (old != null) {
            onChange.accept((String) key);
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
