package dev.dockmock.engine.swarm;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a service's rolling update (or rollback) is going, as {@code UpdateStatus}.
 *
 * @param state {@code updating}, {@code paused}, {@code completed}, {@code rollback_started},
 *     {@code rollback_paused} or {@code rollback_completed}
 * @param startedAt when it started
 * @param completedAt when it ended, null while it runs
 * @param message swarmkit's message
 */
record UpdateStatus(String state, Instant startedAt, Instant completedAt, String message) {
    static final String UPDATING = "updating";
    static final String PAUSED = "paused";
    static final String COMPLETED = "completed";
    static final String ROLLBACK_STARTED = "rollback_started";
    static final String ROLLBACK_PAUSED = "rollback_paused";
    static final String ROLLBACK_COMPLETED = "rollback_completed";

    /** Whether tasks are being replaced right now. */
    boolean inProgress() {
        return state.equals(UPDATING) || state.equals(ROLLBACK_STARTED);
    }

    boolean rollback() {
        return state.startsWith("rollback");
    }

    UpdateStatus ended(String newState, String newMessage, Instant now) {
        return new UpdateStatus(newState, startedAt, now, newMessage);
    }

    Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("State", state);
        doc.put("StartedAt", startedAt.toString());
        if (completedAt != null) {
            doc.put("CompletedAt", completedAt.toString());
        }
        doc.put("Message", message);
        return doc;
    }
}
