package dev.dockmock.cli.soak;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the soak's clients did: operations by name, wrong answers with the first message of each
 * operation, containers made and removed. Only counts: a ten-minute soak makes half a million
 * containers, and keeping their ids would itself be the growing heap the soak looks for.
 */
final class SoakTally {
    private final LongAdder created = new LongAdder();
    private final LongAdder removed = new LongAdder();
    private final LongAdder total = new LongAdder();
    private final Map<String, LongAdder> operations = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final LongAdder failureCount = new LongAdder();
    private final LongAdder events = new LongAdder();

    void created() {
        created.increment();
    }

    void removed() {
        removed.increment();
    }

    void event() {
        events.increment();
    }

    void count(String operation) {
        total.increment();
        operations.computeIfAbsent(operation, key -> new LongAdder()).increment();
    }

    /** A wrong answer: counted, and kept by operation (the first message only). */
    void fail(String operation, String what) {
        failureCount.increment();
        failures.putIfAbsent(operation, what.length() > 300 ? what.substring(0, 300) + "..." : what);
    }

    long createdCount() {
        return created.sum();
    }

    long removedCount() {
        return removed.sum();
    }

    long eventCount() {
        return events.sum();
    }

    long failureCount() {
        return failureCount.sum();
    }

    Map<String, String> failureExamples() {
        return new TreeMap<>(failures);
    }

    long total() {
        return total.sum();
    }

    Map<String, Long> byOperation() {
        Map<String, Long> counts = new TreeMap<>();
        operations.forEach((name, adder) -> counts.put(name, adder.sum()));
        return counts;
    }
}
