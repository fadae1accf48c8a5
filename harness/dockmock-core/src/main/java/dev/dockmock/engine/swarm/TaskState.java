package dev.dockmock.engine.swarm;

import java.util.Locale;

/**
 * swarmkit's task states, in order. A task only moves forward; the states from {@link #COMPLETE}
 * on are terminal.
 */
enum TaskState {
    NEW("created"),
    ALLOCATED("allocated"),
    PENDING("pending task scheduling"),
    ASSIGNED("scheduler assigned task to node"),
    ACCEPTED("accepted"),
    PREPARING("preparing"),
    READY("prepared"),
    STARTING("starting"),
    RUNNING("started"),
    COMPLETE("finished"),
    SHUTDOWN("shutdown"),
    FAILED("started"),
    REJECTED("preparing"),
    REMOVE("remove"),
    ORPHANED("orphaned");

    private final String message;

    TaskState(String message) {
        this.message = message;
    }

    /** The name on the wire: {@code running}, {@code shutdown}, ... */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status message swarmkit's agent writes when a task reaches this state. */
    String message() {
        return message;
    }

    boolean terminal() {
        return ordinal() >= COMPLETE.ordinal();
    }

    boolean before(TaskState other) {
        return ordinal() < other.ordinal();
    }

    /** The state named {@code wire}, or null. */
    static TaskState parse(String wire) {
        for (TaskState state : values()) {
            if (state.wire().equals(wire)) {
                return state;
            }
        }
        return null;
    }
}
