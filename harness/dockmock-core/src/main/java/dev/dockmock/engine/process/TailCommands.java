package dev.dockmock.engine.process;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The simple commands ash runs in its own place (exec, no fork) when {@code sh -c}'s script
 * reaches them last: the final command of the script, of a taken {@code if} or {@code case}
 * branch, of a {@code { group; }}, and the right side of {@code &&}/{@code ||}. {@code ps} then
 * shows no shell. A pipeline, subshell, loop or background job keeps the shell.
 */
final class TailCommands {

    private TailCommands() {
    }

    /** The simple commands in tail position of {@code last}, by identity. */
    static Set<ShellNode.Simple> of(ShellNode last) {
        Set<ShellNode.Simple> tails = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(last, tails);
        return tails;
    }

    private static void collect(ShellNode node, Set<ShellNode.Simple> tails) {
        if (node instanceof ShellNode.Simple simple) {
            tails.add(simple);
        } else if (node instanceof ShellNode.Sequence sequence && !sequence.items().isEmpty()) {
            collect(sequence.items().get(sequence.items().size() - 1), tails);
        } else if (node instanceof ShellNode.AndOr andOr) {
            collect(andOr.right(), tails);
        } else if (node instanceof ShellNode.Group group) {
            collect(group.body(), tails);
        } else if (node instanceof ShellNode.If branches) {
            branches.branches().forEach(branch -> collect(branch.body(), tails));
            if (branches.otherwise() != null) {
                collect(branches.otherwise(), tails);
            }
        } else if (node instanceof ShellNode.Case choice) {
            choice.arms().forEach(arm -> collect(arm.body(), tails));
        }
    }
}
