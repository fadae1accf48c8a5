package dev.dockmock.scenario.parse;

import dev.dockmock.scenario.model.ActionStep;
import dev.dockmock.scenario.model.Expect;
import dev.dockmock.scenario.model.Setup;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads an action step, refusing actions the setup cannot take (swarm actions on a single engine, a reset or a daemon restart in a swarm). */
final class ActionParser {

    private ActionParser() {
    }

    static ActionStep action(Node node, Node body, Setup setup, Duration timeout, Expect expect) {
        String action = body.text();
        if (!ActionStep.ACTIONS.contains(action)) {
            throw body.fail("unknown action \"" + action + "\"; known: " + String.join(", ", ActionStep.ACTIONS));
        }
        Optional<String> nodeName = node.optional("node").map(Node::text);
        boolean swarmAction = List.of("down", "up", "partition", "heal", "kill-leader", "demote").contains(action);
        if (swarmAction && setup.swarm().isEmpty()) {
            throw body.fail("\"" + action + "\" needs a swarm in the setup");
        }
        if (swarmAction && !action.equals("kill-leader") && nodeName.isEmpty()) {
            throw node.fail("\"" + action + "\" needs \"node\", e.g. node: manager2");
        }
        // a swarm's control plane has fault rules and a journal but no one engine to reset or restart
        if (setup.swarm().isPresent() && List.of("reset", "restart-daemon").contains(action)) {
            throw body.fail("\"" + action + "\" acts on a single engine, not on a swarm; take a node down with \"down\" instead");
        }
        Optional<Setup.FaultSource> faults = node.optional("faults").map(ScenarioParser::faultSource);
        if (action.equals("faults") && faults.isEmpty()) {
            throw node.fail("action \"faults\" needs \"faults\": a fault document or a fault file's path");
        }
        Duration pause = node.optional("for").map(Node::duration).orElse(Duration.ZERO);
        if (action.equals("sleep") && pause.isZero()) {
            throw node.fail("action \"sleep\" needs \"for\", e.g. for: 500ms");
        }
        return new ActionStep(StepParser.name(node, action + nodeName.map(n -> " " + n).orElse("")), action, nodeName, faults, pause,
                timeout, expect);
    }
}
