package dev.dockmock.engine.process;

import java.util.List;

/** {@code if}, {@code while}/{@code until}, {@code for} and {@code case}. */
final class ControlFlow {

    private ControlFlow() {
    }

    static int run(ShellRunner shell, ShellNode node, Streams io) throws InterruptedException {
        if (node instanceof ShellNode.If ifNode) {
            for (ShellNode.Branch branch : ifNode.branches()) {
                if (shell.condition(branch.condition(), io) == 0) {
                    return shell.run(branch.body(), io);
                }
            }
            return ifNode.otherwise() == null ? 0 : shell.run(ifNode.otherwise(), io);
        } else if (node instanceof ShellNode.Loop loop) {
            return loop(shell, loop, io);
        } else if (node instanceof ShellNode.For forNode) {
            return forLoop(shell, forNode, io);
        } else if (node instanceof ShellNode.Case caseNode) {
            return caseCommand(shell, caseNode, io);
        }
        throw new IllegalStateException("unknown shell node " + node);
    }

    private static int loop(ShellRunner shell, ShellNode.Loop loop, Streams io) throws InterruptedException {
        int status = 0;
        shell.state.loopDepth++;
        try {
            while (true) {
                interruptible();
                int condition = shell.condition(loop.condition(), io);
                if (loop.until() ? condition == 0 : condition != 0) {
                    return status;
                }
                try {
                    status = shell.run(loop.body(), io);
                } catch (ShellControl.LoopJump jump) {
                    status = 0;
                    if (jump.levels > 1) {
                        throw new ShellControl.LoopJump(jump.levels - 1, jump.breaking);
                    }
                    if (jump.breaking) {
                        return status;
                    }
                }
            }
        } finally {
            shell.state.loopDepth--;
        }
    }

    private static int forLoop(ShellRunner shell, ShellNode.For node, Streams io) throws InterruptedException {
        List<String> items = node.items() == null ? shell.state.positionalCopy() : shell.expander.fields(node.items());
        int status = 0;
        shell.state.loopDepth++;
        try {
            for (String item : items) {
                interruptible();
                shell.state.set(node.variable(), item);
                try {
                    status = shell.run(node.body(), io);
                } catch (ShellControl.LoopJump jump) {
                    status = 0;
                    if (jump.levels > 1) {
                        throw new ShellControl.LoopJump(jump.levels - 1, jump.breaking);
                    }
                    if (jump.breaking) {
                        return status;
                    }
                }
            }
            return status;
        } finally {
            shell.state.loopDepth--;
        }
    }

    private static int caseCommand(ShellRunner shell, ShellNode.Case node, Streams io) throws InterruptedException {
        String subject = shell.expander.single(node.subject());
        for (ShellNode.CaseArm arm : node.arms()) {
            for (Word pattern : arm.patterns()) {
                if (Patterns.matches(shell.expander.pattern(pattern), subject)) {
                    return arm.body() == null ? 0 : shell.run(arm.body(), io);
                }
            }
        }
        return 0;
    }

    private static void interruptible() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }
}
