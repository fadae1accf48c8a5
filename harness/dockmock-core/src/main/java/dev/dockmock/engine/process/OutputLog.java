package dev.dockmock.engine.process;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a container wrote, kept for {@code logs} and fanned out to followers and attached
 * clients. Positions are absolute, so a reader keeps its place while old entries are dropped
 * (the log keeps its last {@code capacity} entries).
 */
public final class OutputLog {

    /** One write: stream 1 stdout or 2 stderr, when, and the bytes. */
    public record Entry(int stream, Instant time, byte[] data) {
    }

    private final Clock clock;
    private final int capacity;
    private List<Entry> entries = List.of(); // an ArrayList from the first write
    private long base;
    private boolean live;
    private boolean retired;
    private int generation;

    public OutputLog(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
    }

    public synchronized void append(int stream, byte[] data) {
        if (data.length == 0) {
            return;
        }
        if (entries.isEmpty()) {
            entries = new ArrayList<>();
        }
        entries.add(new Entry(stream, clock.instant(), data));
        if (entries.size() > capacity) {
            int drop = entries.size() - capacity;
            entries.subList(0, drop).clear();
            base += drop;
        }
        notifyAll();
    }

    /** A process starts writing: followers wait for it. */
    public synchronized void open() {
        live = true;
        generation++;
        notifyAll();
    }

    /** The process has ended: followers finish once they have read everything. */
    public synchronized void close() {
        live = false;
        notifyAll();
    }

    public synchronized boolean live() {
        return live;
    }

    /** The container is gone: waiting readers stop. */
    public synchronized void retire() {
        live = false;
        retired = true;
        notifyAll();
    }

    /** How many runs have started; a run's output belongs to the generation it opened. */
    public synchronized int generation() {
        return generation;
    }

    /**
     * The run an attached client follows: the current one when a process is writing, else the next
     * one (clients attach before they start the container).
     */
    public synchronized int attachTarget() {
        return live ? generation : generation + 1;
    }

    /**
     * Waits until there are entries after {@code position}, or run {@code target} has ended (or
     * the container is gone).
     *
     * @return false when there is nothing more to read for that run
     */
    public synchronized boolean awaitRun(long position, int target) throws InterruptedException {
        while (position >= base + entries.size()) {
            if (retired || (generation >= target && !live)) {
                return false;
            }
            wait(1000);
        }
        return true;
    }

    /** The position after the last entry. */
    public synchronized long end() {
        return base + entries.size();
    }

    /** Entries from {@code position} on (from the oldest kept, when it was dropped). */
    public synchronized List<Entry> from(long position) {
        int start = (int) Math.max(0, position - base);
        return start >= entries.size() ? List.of() : new ArrayList<>(entries.subList(start, entries.size()));
    }

    /** Every entry kept. */
    public synchronized List<Entry> all() {
        return new ArrayList<>(entries);
    }

    /**
     * Waits until there are entries after {@code position} or the process has ended.
     *
     * @return false when the process has ended and everything has been read
     */
    public synchronized boolean await(long position) throws InterruptedException {
        while (position >= base + entries.size()) {
            if (!live) {
                return false;
            }
            wait(1000);
        }
        return true;
    }
}
