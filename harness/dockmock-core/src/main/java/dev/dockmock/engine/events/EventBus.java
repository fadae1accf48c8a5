package dev.dockmock.engine.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every state change the engine makes, kept in order (the last {@code capacity} of them, as
 * dockerd keeps its last 256) and delivered live to {@code /events} followers.
 */
public final class EventBus {
    private final Clock clock;
    private final int capacity;
    private final Deque<DockerEvent> history = new ArrayDeque<>();
    private long published;

    public EventBus(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
    }

    /** Records and delivers an event stamped now. */
    public DockerEvent publish(String type, String action, String actorId, Map<String, String> attributes) {
        DockerEvent event = new DockerEvent(type, action, actorId, attributes, "local", clock.instant());
        publish(event);
        return event;
    }

    /** Records and delivers a ready event (injected ones included). */
    public synchronized void publish(DockerEvent event) {
        history.addLast(event);
        if (history.size() > capacity) {
            history.removeFirst();
        }
        published++;
        notifyAll();
    }

    /** Events so far that satisfy {@code filter}, oldest first. */
    public synchronized List<DockerEvent> history(Predicate<DockerEvent> filter) {
        List<DockerEvent> list = new ArrayList<>();
        for (DockerEvent event : history) {
            if (filter.test(event)) {
                list.add(event);
            }
        }
        return list;
    }

    /** A cursor positioned after every event published so far. */
    public synchronized Cursor follow() {
        return new Cursor(published);
    }

    /** Reads events published after its position, waiting for them. */
    public final class Cursor {
        private long next;

        private Cursor(long next) {
            this.next = next;
        }

        /**
         * Waits until an event arrives or {@code deadline} passes.
         *
         * @return the new events, empty when the deadline passed first
         */
        public List<DockerEvent> await(Instant deadline) throws InterruptedException {
            synchronized (EventBus.this) {
                while (published == next) {
                    long wait = deadline.toEpochMilli() - System.currentTimeMillis();
                    if (wait <= 0) {
                        return List.of();
                    }
                    EventBus.this.wait(Math.min(wait, 1000));
                }
                long skip = Math.max(0, history.size() - (published - next));
                List<DockerEvent> fresh = new ArrayList<>();
                int index = 0;
                for (DockerEvent event : history) {
                    if (index++ >= skip) {
                        fresh.add(event);
                    }
                }
                next = published;
                return fresh;
            }
        }
    }

    public Clock clock() {
        return clock;
    }
}
