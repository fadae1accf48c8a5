package dev.dockmock.hardening;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts of what the server did with each kind of fuzz case: kind → outcome → count, and the first wrong outcome. */
final class FuzzOutcomes {
    private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();
    private final Map<String, String> wrong = new ConcurrentHashMap<>();
    private final LongAdder requests = new LongAdder();
    private final LongAdder wrongCount = new LongAdder();

    void record(String kind, String outcome) {
        requests.increment();
        counts.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    void wrong(String kind, String what) {
        wrongCount.increment();
        wrong.putIfAbsent(kind, what);
    }

    long requests() {
        return requests.sum();
    }

    long wrongCount() {
        return wrongCount.sum();
    }

    Map<String, String> wrongExamples() {
        return new TreeMap<>(wrong);
    }

    /** kind → outcome → count, sorted, for the report. */
    Map<String, Map<String, Long>> table() {
        Map<String, Map<String, Long>> table = new TreeMap<>();
        counts.forEach((kind, outcomes) -> {
            Map<String, Long> row = new TreeMap<>();
            outcomes.forEach((outcome, adder) -> row.put(outcome, adder.sum()));
            table.put(kind, row);
        });
        return table;
    }
}
