package dev.dockmock.engine.process;

import java.util.List;
import java.util.Optional;

/** {@code command} and {@code type}: what a name would run. */
final class CommandBuiltins {

    private CommandBuiltins() {
    }

    /** {@code command -v|-V name...}, or {@code command name args} (skipping functions). */
    static int command(ShellRunner shell, List<String> argv, Streams io) throws InterruptedException {
        int i = 1;
        boolean brief = false;
        boolean verbose = false;
        for (; i < argv.size() && argv.get(i).startsWith("-"); i++) {
            brief |= argv.get(i).contains("v");
            verbose |= argv.get(i).contains("V");
        }
        List<String> rest = argv.subList(i, argv.size());
        if (rest.isEmpty()) {
            return 0;
        }
        if (brief || verbose) {
            // ash describes only the first name, and answers 127 when it is not found.
            String name = rest.get(0);
            Optional<String> found = verbose ? describe(shell, name) : location(shell, name);
            if (found.isPresent()) {
                io.out(found.get() + "\n");
                return 0;
            }
            if (verbose) {
                io.out(name + ": not found\n");
            }
            return 127;
        }
        ShellBuiltins.Builtin builtin = ShellBuiltins.special(rest.get(0));
        if (builtin == null) {
            builtin = ShellBuiltins.regular(rest.get(0));
        }
        return builtin != null ? builtin.run(shell, rest, io) : shell.external(rest, io, null);
    }

    static int type(ShellRunner shell, List<String> argv, Streams io) {
        int status = 0;
        for (String name : argv.subList(1, argv.size())) {
            Optional<String> description = describe(shell, name);
            if (description.isPresent()) {
                io.out(description.get() + "\n");
            } else {
                io.out(name + ": not found\n");
                status = 127;
            }
        }
        return status;
    }

    /** {@code command -v}: the name of a builtin or function, or the program's path. */
    private static Optional<String> location(ShellRunner shell, String name) {
        if (ShellBuiltins.isBuiltin(name) || shell.state.functions.containsKey(name)) {
            return Optional.of(name);
        }
        return shell.commands.pathOf(name);
    }

    private static Optional<String> describe(ShellRunner shell, String name) {
        if (shell.state.functions.containsKey(name)) {
            return Optional.of(name + " is a function");
        }
        if (ShellBuiltins.special(name) != null) {
            return Optional.of(name + " is a special shell builtin");
        }
        if (ShellBuiltins.isBuiltin(name)) {
            return Optional.of(name + " is a shell builtin");
        }
        return shell.commands.pathOf(name).map(path -> name + " is " + path);
    }
}
