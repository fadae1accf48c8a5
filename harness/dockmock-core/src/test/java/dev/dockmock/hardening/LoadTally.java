package dev.dockmock.hardening;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a load run did: operations by name, failures with their first messages, containers made
 * and removed. Ids are kept only when asked for: a ten-minute soak makes half a million
 * containers, and a set of their ids would itself be the growing heap the soak looks for.
 */
final class LoadTally {
    private final boolean keepIds;
    private final LongAdder createdCount = new LongAdder();
    private final LongAdder removedCount = new LongAdder();
    private final Map<String, LongAdder> operations = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final LongAdder failureCount = new LongAdder();
    final Set<String> created = ConcurrentHashMap.newKeySet();
    final Set<String> removed = ConcurrentHashMap.newKeySet();

    LoadTally(boolean keepIds) {
        this.keepIds = keepIds;
    }

    void created(String id) {
        createdCount.increment();
        if (keepIds) {
            created.add(id);
        }
    }

    void removed(String id) {
        removedCount.increment();
        if (keepIds) {
            removed.add(id);
        }
    }

    long createdCount() {
        return createdCount.sum();
    }

    long removedCount() {
        return removedCount.sum();
    }

    void count(String operation) {
        operations.computeIfAbsent(operation, key -> new LongAdder()).increment();
    }

    /** A wrong answer: kept by operation (first message only), counted. */
    void fail(String operation, String what) {
        failureCount.increment();
        failures.putIfAbsent(operation, what);
    }

    long failures() {
        return failureCount.sum();
    }

    Map<String, String> failureExamples() {
        return new TreeMap<>(failures);
    }

    long total() {
        return operations.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> byOperation() {
        Map<String, Long> counts = new TreeMap<>();
        operations.forEach((name, adder) -> counts.put(name, adder.sum()));
        return counts;
    }
}
