package dev.dockmock.engine.containers;

import java.util.Locale;

/** A container's state, as {@code State.Status} names it. */
public enum ContainerStatus {
    CREATED, RUNNING, PAUSED, RESTARTING, REMOVING, EXITED, DEAD;

    /** The lower-case wire name. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Running in Docker's sense: running, paused and restarting containers count. */
    public boolean isUp() {
        return this == RUNNING || this == PAUSED || this == RESTARTING;
    }
}
