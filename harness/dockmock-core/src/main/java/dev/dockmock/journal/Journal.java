package dev.dockmock.journal;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerException;
import dev.dockmock.protocol.ResponseBody;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Remembers every request that passes through it: a dispatcher decorator that answers exactly as
 * {@code inner} does and keeps a bounded {@link JournalEntry} per request (the oldest are dropped
 * past {@link #capacity()}, so a long-running server does not fill the heap). Ask it what came,
 * or {@link #verify(int, RequestPattern) verify} that a request came, with a failure message
 * that shows the nearest request and what was received.
 *
 * <pre>{@code
 * Journal journal = new Journal(engine.dispatcher());
 * server.setDispatcher(journal);
 * // run the clients
 * journal.verify(1, RequestPattern.of("POST", "/containers/{id}/start"));
 * }</pre>
 *
 * <p>Safe for concurrent use.
 */
public final class Journal implements Dispatcher {
    /** How many entries a journal keeps unless told otherwise. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final Dispatcher inner;
    private final int capacity;
    private final Clock clock;
    private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
    private long seen;
    private long dropped;

    public Journal(Dispatcher inner) {
        this(inner, DEFAULT_CAPACITY, Clock.systemUTC());
    }

    /**
     * @param capacity how many entries to keep (the newest), at least 1
     * @param clock what stamps {@link JournalEntry#time()}
     */
    public Journal(Dispatcher inner, int capacity, Clock clock) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public ApiResponse dispatch(ApiRequest request) {
        Instant time = clock.instant();
        long start = System.nanoTime();
        ApiResponse response;
        try {
            response = inner.dispatch(request);
        } catch (DockerException e) {
            response = e.error().toResponse();
        } catch (RuntimeException | Error e) {
            add(request, time, start, 500, Optional.of("dockmock internal error: " + e));
            throw e;
        }
        int status = response.body() instanceof ResponseBody.Hijacked && request.wantsUpgrade() ? 101 : response.status();
        add(request, time, start, status, ErrorMessages.of(response));
        return response;
    }

    private void add(ApiRequest request, Instant time, long start, int status, Optional<String> error) {
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        String userAgent = request.headers().first("User-Agent").orElse("");
        synchronized (entries) {
            JournalEntry entry = new JournalEntry(++seen, time, request.method(), request.target(), request.path(), status,
                    userAgent, request.client().listener(), latency, error);
            if (entries.size() == capacity) {
                entries.removeFirst();
                dropped++;
            }
            entries.addLast(entry);
        }
    }

    /** The entries kept, oldest first. */
    public List<JournalEntry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** The entries kept that match {@code pattern}, oldest first. */
    public List<JournalEntry> find(RequestPattern pattern) {
        return entries().stream().filter(pattern::matches).toList();
    }

    /** How many kept entries match {@code pattern}. */
    public int count(RequestPattern pattern) {
        return find(pattern).size();
    }

    /** Every request seen since the journal was made or cleared, dropped ones included. */
    public long total() {
        synchronized (entries) {
            return seen;
        }
    }

    /** How many old entries were dropped to stay within {@link #capacity()}. */
    public long dropped() {
        synchronized (entries) {
            return dropped;
        }
    }

    public int capacity() {
        return capacity;
    }

    /** Forgets every entry; numbering starts again at 1. */
    public void clear() {
        synchronized (entries) {
            entries.clear();
            seen = 0;
            dropped = 0;
        }
    }

    /**
     * Checks that {@code pattern} was requested at least once.
     *
     * @throws JournalVerificationError saying what was expected, what came and the nearest request
     */
    public void verify(RequestPattern pattern) {
        check(pattern, Expectation.atLeast(1));
    }

    /**
     * Checks that {@code pattern} was requested exactly {@code times} times.
     *
     * @throws JournalVerificationError saying what was expected, what came and the nearest request
     */
    public void verify(int times, RequestPattern pattern) {
        check(pattern, Expectation.exactly(times));
    }

    /**
     * Checks that {@code pattern} was never requested.
     *
     * @throws JournalVerificationError listing the requests that matched
     */
    public void verifyNever(RequestPattern pattern) {
        check(pattern, Expectation.exactly(0));
    }

    /**
     * Checks the number of requests matching {@code pattern} against {@code expectation}.
     *
     * @throws JournalVerificationError saying what was expected, what came and the nearest request
     */
    public void check(RequestPattern pattern, Expectation expectation) {
        List<JournalEntry> all = entries();
        List<JournalEntry> matching = all.stream().filter(pattern::matches).toList();
        if (!expectation.accepts(matching.size())) {
            throw new JournalVerificationError(pattern, expectation, matching, all, dropped());
        }
    }
}
