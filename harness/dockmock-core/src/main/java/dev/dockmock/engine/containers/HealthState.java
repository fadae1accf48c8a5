package dev.dockmock.engine.containers;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's {@code State.Health} as dockerd keeps it: the status, how many probes in a row
 * failed, and the last five probes with their output (at most 4 KiB each). Made afresh at every
 * start; guarded by the engine's lock.
 */
final class HealthState {
    private static final int KEPT = 5;
    private static final int MAX_OUTPUT = 4096;

    private String status;
    private int failingStreak;
    private final Deque<Probe> log = new ArrayDeque<>();

    HealthState(String status) {
        this.status = status;
    }

    String status() {
        return status;
    }

    void status(String next) {
        status = next;
    }

    /**
     * The health after its status becomes {@code next}: none for an empty status, a fresh one (no
     * streak, no log) for the first status and for {@code starting}, else {@code current}, changed.
     */
    static HealthState after(HealthState current, String next) {
        if (next.isEmpty()) {
            return null;
        }
        if (current == null || next.equals("starting")) {
            return new HealthState(next);
        }
        current.status(next);
        return current;
    }

    /** Keeps {@code probe}, dropping the oldest beyond five, and the streak of failures it ends or extends. */
    void record(Probe probe, int streak) {
        failingStreak = streak;
        log.addLast(probe.exitCode() >= 0 && probe.output().length() > MAX_OUTPUT
                ? new Probe(probe.start(), probe.end(), probe.exitCode(), probe.output().substring(0, MAX_OUTPUT)) : probe);
        while (log.size() > KEPT) {
            log.removeFirst();
        }
    }

    /** The {@code Health} object of an inspect answer. */
    Map<String, Object> document() {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("Status", status);
        health.put("FailingStreak", failingStreak);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Probe probe : log) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Start", ContainerDocuments.time(probe.start()));
            entry.put("End", ContainerDocuments.time(probe.end()));
            entry.put("ExitCode", probe.exitCode());
            entry.put("Output", probe.output());
            entries.add(entry);
        }
        health.put("Log", entries);
        return health;
    }

    /** One run of the health check: when it ran, how it ended and what it printed (stdout and stderr). */
    record Probe(Instant start, Instant end, int exitCode, String output) {
    }
}
