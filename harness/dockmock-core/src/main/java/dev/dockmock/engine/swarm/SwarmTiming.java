package dev.dockmock.engine.swarm;

import dev.dockmock.engine.EngineTiming;
import java.time.Duration;

/**
 * How long the swarm's simulated work takes. A task spends {@link #step()} in each state on its way
 * to running; restart delays, update delays and monitor periods from specs are scaled as the
 * engine scales its waits.
 *
 * @param scale the engine's time scale
 * @param step time a task spends in each state before the next (new, pending, assigned, ...)
 * @param tick how often the orchestrator looks at the cluster when nothing wakes it
 * @param completionFloor the least time an update waits after its last task runs before it is
 *     declared complete. The docker CLI polls every 200 ms and stops polling without its
 *     {@code Service converged} line when the first poll that sees the tasks converged also sees
 *     the update complete, so completion must come later than one poll.
 */
public record SwarmTiming(double scale, Duration step, Duration tick, Duration completionFloor) {

    /** The timing that goes with {@code engine}'s: steps of 150 ms scaled, at least 15 ms. */
    public static SwarmTiming of(EngineTiming engine) {
        Duration step = engine.scaled(Duration.ofMillis(150));
        return new SwarmTiming(engine.scale(), step.compareTo(Duration.ofMillis(15)) < 0 ? Duration.ofMillis(15) : step,
                Duration.ofMillis(10), Duration.ofMillis(400));
    }

    /** A wait that a real swarm spends as {@code nanos}, scaled. */
    long scaledNanos(long nanos) {
        return (long) (nanos * scale);
    }

    /** Whether waits are shortened at all (not so for recordings that must look real). */
    boolean fast() {
        return scale < 1.0;
    }
}
