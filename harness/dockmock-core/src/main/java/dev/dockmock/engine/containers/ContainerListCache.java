package dev.dockmock.engine.containers;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The serialised answers of {@code GET /containers/json}, per request target (API version, path
 * and query), each valid while the state it was built from is unchanged and its {@code Status}
 * texts ("Up 5 seconds") still read the same.
 *
 * <p>Why: 16 connections listing 20 containers spent their time building maps and writing 16 kB
 * of JSON under the engine's lock; a test suite polls the list far more often than it changes.
 * The state version comes from {@link Containers#version()} (bumped by every mutator of a
 * container and of the store) plus the image and network stores' change counters, which covers
 * the image names and network names a list shows.
 */
final class ContainerListCache {
    /** Distinct targets kept; beyond that the cache starts afresh (clients use a handful). */
    private static final int MAX_ENTRIES = 64;

    private record Entry(long version, Instant validUntil, byte[] body) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** The cached answer for {@code target}, if it was built at {@code version} and is still current at {@code now}. */
    byte[] get(String target, long version, Instant now) {
        Entry entry = entries.get(target);
        return entry != null && entry.version == version && now.isBefore(entry.validUntil) ? entry.body : null;
    }

    /** Keeps an answer built from the state at {@code version}, whose texts hold until {@code validUntil}. */
    void put(String target, long version, Instant validUntil, byte[] body) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(target, new Entry(version, validUntil, body));
    }
}
