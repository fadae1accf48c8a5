package dev.dockmock.scenario.model;

import java.time.Duration;
import java.util.Optional;

/**
 * Does something to dockmock itself, between client steps.
 *
 * @param action one of {@link #ACTIONS}
 * @param node the swarm node it acts on ({@code down}, {@code up}, {@code partition}, {@code heal}, {@code demote})
 * @param faults the fault document {@code faults} applies
 * @param pause how long {@code sleep} waits
 */
public record ActionStep(String name, String action, Optional<String> node, Optional<Setup.FaultSource> faults, Duration pause,
        Duration timeout, Expect expect) implements Step {

    /** The actions a scenario can take. */
    public static final java.util.List<String> ACTIONS = java.util.List.of("faults", "clear-faults", "restart-daemon",
            "reset", "clear-journal", "sleep", "down", "up", "partition", "heal", "kill-leader", "demote");

    @Override
    public String client() {
        return "";
    }

    @Override
    public String kind() {
        return "action";
    }

    @Override
    public String command() {
        return action + node.map(n -> " " + n).orElse("") + (action.equals("sleep") ? " " + pause.toMillis() + "ms" : "");
    }
}
