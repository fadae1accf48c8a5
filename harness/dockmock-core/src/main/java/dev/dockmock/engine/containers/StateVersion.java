package dev.dockmock.engine.containers;

/**
 * A counter of changes to the containers' state, bumped by every mutator of {@link Container}
 * and of the {@link Containers} store, so a cached answer built from that state can tell when it
 * is stale without taking the engine's lock.
 *
 * <p>Bumps happen with the engine's lock held; reads may happen without it (the field is
 * volatile). A reader that sees the same value as when an answer was built sees the state that
 * answer was built from, or a change still in progress whose caller has not been answered yet.
 */
final class StateVersion {
    private volatile long value;

    /** Records a change. Call with the engine's lock held. */
    void bump() {
        value++;
    }

    long value() {
        return value;
    }
}
