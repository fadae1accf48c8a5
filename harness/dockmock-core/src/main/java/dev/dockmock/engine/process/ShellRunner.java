package dev.dockmock.engine.process;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Executes parsed commands against a {@link ShellState}. One runner per (sub)shell and thread. */
final class ShellRunner {
    final ShellState state;
    final CommandTable commands;
    final WordExpander expander;
    private final SimpleCommands simpleCommands = new SimpleCommands(this);
    /** The streams of the command being run, which command substitutions inherit. */
    private Streams current;

    ShellRunner(ShellState state, CommandTable commands) {
        this.state = state;
        this.commands = commands;
        this.expander = new WordExpander(state, this::capture);
    }

    /** A runner for a subshell: a copy of this shell's state. */
    ShellRunner subshell() {
        return new ShellRunner(state.copy(), commands);
    }

    int run(ShellNode node, Streams io) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Streams previous = current;
        current = io;
        try {
            int status = execute(node, io);
            state.status = status;
            return status;
        } finally {
            current = previous;
        }
    }

    private int execute(ShellNode node, Streams io) throws InterruptedException {
        if (node instanceof ShellNode.Simple simple) {
            return simpleCommands.run(simple, io);
        } else if (node instanceof ShellNode.Sequence sequence) {
            int status = 0;
            for (ShellNode item : sequence.items()) {
                status = run(item, io);
            }
            return status;
        } else if (node instanceof ShellNode.AndOr andOr) {
            int left = condition(andOr.left(), io);
            return (andOr.and() ? left == 0 : left != 0) ? run(andOr.right(), io) : left;
        } else if (node instanceof ShellNode.Pipeline pipeline) {
            return pipeline(pipeline, io);
        } else if (node instanceof ShellNode.Background background) {
            ShellRunner job = subshell();
            // A non-interactive shell gives background commands an empty stdin, as ash does.
            state.jobs.start(() -> job.isolated(background.body(), io.withIn(Streams.empty())));
            return 0;
        } else if (node instanceof ShellNode.Group group) {
            return run(group.body(), io);
        } else if (node instanceof ShellNode.Subshell subshell) {
            return errexit(subshell().isolated(subshell.body(), io));
        } else if (node instanceof ShellNode.FunctionDef function) {
            state.functions.put(function.name(), function.body());
            return 0;
        } else if (node instanceof ShellNode.Redirected redirected) {
            Streams streams = Redirections.applyOrReport(this, redirected.redirects(), io);
            return streams == null ? errexit(1) : run(redirected.body(), streams);
        }
        return ControlFlow.run(this, node, io);
    }

    /** Runs a program, not a builtin or function ({@code exec}, {@code command}). */
    int external(List<String> argv, Streams io, String builtin) throws InterruptedException {
        return simpleCommands.external(argv, Map.of(), io, builtin, false);
    }

    private int pipeline(ShellNode.Pipeline pipeline, Streams io) throws InterruptedException {
        boolean single = pipeline.stages().size() == 1;
        if (pipeline.negated()) {
            state.errexitSuppressed++;
        }
        int status;
        try {
            status = single ? run(pipeline.stages().get(0), io) : Pipelines.run(this, pipeline.stages(), io);
        } finally {
            if (pipeline.negated()) {
                state.errexitSuppressed--;
            }
        }
        if (pipeline.negated()) {
            return status == 0 ? 1 : 0;
        }
        return single ? status : errexit(status);
    }

    /** Runs a test ({@code if}, {@code while}, left of {@code &&}), where {@code set -e} does not apply. */
    int condition(ShellNode node, Streams io) throws InterruptedException {
        state.errexitSuppressed++;
        try {
            return run(node, io);
        } finally {
            state.errexitSuppressed--;
        }
    }

    /** {@code set -e}: a failed command ends the shell, except where its status is tested. */
    int errexit(int status) {
        if (status != 0 && state.errexit && state.errexitSuppressed == 0) {
            throw new ShellControl.Exit(status);
        }
        return status;
    }

    /** Runs {@code node} as a subshell's whole program: {@code exit} and fatal errors end only it. */
    int isolated(ShellNode node, Streams io) throws InterruptedException {
        try {
            return run(node, io);
        } catch (ShellControl.Exit exit) {
            return exit.status;
        } catch (ShellControl.Fatal fatal) {
            io.err(state.prefix(fatal.builtin) + fatal.getMessage() + "\n");
            return fatal.status;
        } catch (ShellControl.Return returned) {
            return returned.status;
        } catch (ShellControl.LoopJump jump) {
            return 0;
        }
    }

    private String capture(ShellNode body) throws InterruptedException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Streams io = current != null ? current : new Streams(Streams.empty(), Streams.DISCARD, Streams.DISCARD);
        int status = subshell().isolated(body, io.withOut(output::writeBytes));
        state.substitutionStatus = status;
        return output.toString(StandardCharsets.UTF_8);
    }
}
