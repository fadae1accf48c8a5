package dev.dockmock.engine.process;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs {@code NAME=value cmd args <redirections>}: looks the name up as ash does (special
 * builtins, functions, builtins, then programs) and reports {@code sh: NAME: not found} with 127.
 */
final class SimpleCommands {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    /** Work that may be interrupted. */
    @FunctionalInterface
    interface Action {
        int run() throws InterruptedException;
    }

    private final ShellRunner shell;

    SimpleCommands(ShellRunner shell) {
        this.shell = shell;
    }

    int run(ShellNode.Simple command, Streams io) throws InterruptedException {
        ShellState state = shell.state;
        state.line = command.line();
        state.substitutionStatus = -1;
        List<String> argv = shell.expander.fields(command.words());
        Map<String, String> assignments = new LinkedHashMap<>();
        for (ShellNode.Assignment assignment : command.assignments()) {
            assignments.put(assignment.name(), shell.expander.single(assignment.value()));
        }
        Streams streams = Redirections.applyOrReport(shell, command.redirects(), io);
        if (streams == null) {
            return shell.errexit(1);
        }
        if (state.xtrace) {
            trace(assignments, argv, streams);
        }
        if (argv.isEmpty()) {
            assignments.forEach(state::set);
            return shell.errexit(Math.max(state.substitutionStatus, 0));
        }
        return shell.errexit(dispatch(argv, assignments, streams, state.tailCommands.contains(command)));
    }

    private int dispatch(List<String> argv, Map<String, String> assignments, Streams io, boolean tail)
            throws InterruptedException {
        String name = argv.get(0);
        ShellBuiltins.Builtin special = ShellBuiltins.special(name);
        if (special != null) {
            assignments.forEach(shell.state::set);
            return special.run(shell, argv, io);
        }
        ShellNode function = shell.state.functions.get(name);
        if (function != null) {
            return withTemporary(assignments, () -> call(function, argv, io));
        }
        ShellBuiltins.Builtin regular = ShellBuiltins.regular(name);
        if (regular != null) {
            return withTemporary(assignments, () -> regular.run(shell, argv, io));
        }
        return external(argv, assignments, io, null, tail);
    }

    /**
     * Runs a program (not a builtin or function).
     *
     * @param builtin the builtin asking ({@code exec}), named in the "not found" message
     * @param tail whether it is a command ash runs in its own place ({@link TailCommands})
     */
    int external(List<String> argv, Map<String, String> assignments, Streams io, String builtin, boolean tail)
            throws InterruptedException {
        Optional<Behaviour> behaviour = shell.commands.find(argv);
        if (behaviour.isEmpty()) {
            io.err(shell.state.prefix(builtin) + argv.get(0) + ": not found\n");
            return 127;
        }
        Map<String, String> env = shell.state.environment();
        env.putAll(assignments);
        ProcessList processes = shell.state.processes;
        if (builtin != null || tail) {
            // exec, or ash running sh -c's last command: the command takes the shell's place
            processes.exec(argv);
            return behaviour.get().run(new CommandIo(argv, env, shell.state.hostname, shell.state.workingDir, io.in(), io.out(),
                    io.err(), shell.state.network, shell.state.files, processes, shell.state.terminal));
        }
        try (ProcessList.Child child = processes.start(argv)) {
            return behaviour.get().run(new CommandIo(argv, env, shell.state.hostname, shell.state.workingDir, io.in(), io.out(),
                    io.err(), shell.state.network, shell.state.files, child.list(), shell.state.terminal));
        }
    }

    private int call(ShellNode function, List<String> argv, Streams io) throws InterruptedException {
        ShellState state = shell.state;
        List<String> saved = state.positional;
        state.positional = List.copyOf(argv.subList(1, argv.size()));
        state.enterFunction();
        try {
            return shell.run(function, io);
        } catch (ShellControl.Return returned) {
            return returned.status;
        } finally {
            state.leaveFunction();
            state.positional = saved;
        }
    }

    /** {@code VAR=x builtin}: the assignments hold while the builtin or function runs. */
    private int withTemporary(Map<String, String> assignments, Action action) throws InterruptedException {
        if (assignments.isEmpty()) {
            return action.run();
        }
        Map<String, String> saved = new HashMap<>();
        assignments.keySet().forEach(name -> saved.put(name, shell.state.get(name)));
        assignments.forEach(shell.state::set);
        try {
            return action.run();
        } finally {
            saved.forEach((name, value) -> {
                if (value == null) {
                    shell.state.vars.remove(name);
                } else {
                    shell.state.set(name, value);
                }
            });
        }
    }

    private static void trace(Map<String, String> assignments, List<String> argv, Streams io) {
        StringBuilder line = new StringBuilder("+");
        assignments.forEach((name, value) -> line.append(' ').append(name).append('=').append(quote(value)));
        argv.forEach(arg -> line.append(' ').append(quote(arg)));
        io.err(line.append('\n').toString());
    }

    static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\"'\"'") + "'";
    }
}
