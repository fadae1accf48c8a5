package dev.dockmock.admin;

import dev.dockmock.faults.RequestMatch;
import dev.dockmock.protocol.ApiRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The request journal: the last {@code capacity} requests with their status and duration, for
 * verification ("was the image pulled twice?") and for reading what a client did. Bounded, so a
 * long run never fills the heap with it; bodies are kept up to {@code maxBodyBytes}.
 */
public final class Journal {
    private final Clock clock;
    private final int capacity;
    private final int maxBodyBytes;
    private final Deque<Slot> slots = new ArrayDeque<>();
    private long seq;

    /** A request on its way: the answer's end is filled in when it comes. */
    final class Slot {
        private final JournalEntry started;
        private final long startNanos;
        private volatile Duration duration;

        private Slot(JournalEntry started) {
            this.started = started;
            this.startNanos = System.nanoTime();
        }

        /** The answer has been sent in full. */
        void finished() {
            if (duration == null) {
                duration = Duration.ofNanos(System.nanoTime() - startNanos);
            }
        }

        JournalEntry entry() {
            return new JournalEntry(started.seq(), started.time(), started.request(), started.status(), duration);
        }
    }

    public Journal(Clock clock, int capacity, int maxBodyBytes) {
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity must be at least 1");
        }
        this.clock = clock;
        this.capacity = capacity;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** 1000 requests, 64 KiB of each body. */
    public static Journal defaults() {
        return new Journal(Clock.systemUTC(), 1000, 64 * 1024);
    }

    synchronized Slot record(ApiRequest request, int status) {
        ApiRequest kept = request.body().length <= maxBodyBytes ? request
                : request.withBody(Arrays.copyOf(request.body(), maxBodyBytes), request.headers());
        Slot slot = new Slot(new JournalEntry(++seq, clock.instant(), kept, status, null));
        slots.addLast(slot);
        if (slots.size() > capacity) {
            slots.removeFirst();
        }
        return slot;
    }

    /** Every kept entry, oldest first. */
    public synchronized List<JournalEntry> entries() {
        List<JournalEntry> list = new ArrayList<>(slots.size());
        slots.forEach(s -> list.add(s.entry()));
        return list;
    }

    /** The kept entries whose request matches, oldest first. */
    public List<JournalEntry> find(RequestMatch match) {
        return entries().stream().filter(e -> match.matches(e.request())).toList();
    }

    /** How many kept requests match. */
    public int count(RequestMatch match) {
        return find(match).size();
    }

    public synchronized void clear() {
        slots.clear();
        seq = 0;
    }

    public int capacity() {
        return capacity;
    }

    public synchronized int size() {
        return slots.size();
    }
}
