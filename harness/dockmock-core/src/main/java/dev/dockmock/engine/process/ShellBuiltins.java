package dev.dockmock.engine.process;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commands the shell runs itself. Special builtins ({@code exit}, {@code export}...) come
 * before functions, and their variable prefixes stay set; regular ones come after functions.
 */
final class ShellBuiltins {

    /** A builtin command. */
    @FunctionalInterface
    interface Builtin {
        int run(ShellRunner shell, List<String> argv, Streams io) throws InterruptedException;
    }

    /** Busybox applets ash runs as builtins, so that a program of the same name does not replace them. */
    static final Set<String> APPLET_BUILTINS = Set.of("echo", "printf", "test", "[", "[[", "true", "false", "kill", "pwd");

    private static final Map<String, Builtin> SPECIAL = Map.ofEntries(
            Map.entry(":", (shell, argv, io) -> 0),
            Map.entry("exit", ShellBuiltins::exit),
            Map.entry("return", ShellBuiltins::returnCommand),
            Map.entry("break", (shell, argv, io) -> loopJump(shell, argv, true)),
            Map.entry("continue", (shell, argv, io) -> loopJump(shell, argv, false)),
            Map.entry("shift", ShellBuiltins::shift),
            Map.entry("trap", (shell, argv, io) -> 0),
            Map.entry("eval", ShellBuiltins::eval),
            Map.entry("exec", ShellBuiltins::exec),
            Map.entry(".", FileBuiltins::source),
            Map.entry("source", FileBuiltins::source),
            Map.entry("export", VariableBuiltins::export),
            Map.entry("readonly", VariableBuiltins::readonly),
            Map.entry("unset", VariableBuiltins::unset),
            Map.entry("set", VariableBuiltins::set),
            Map.entry("local", VariableBuiltins::local));

    private static final Map<String, Builtin> REGULAR = Map.of(
            "read", ReadBuiltin::read,
            "cd", FileBuiltins::cd,
            "wait", ShellBuiltins::waitCommand,
            "command", CommandBuiltins::command,
            "type", CommandBuiltins::type,
            "umask", (shell, argv, io) -> print(io, argv.size() == 1 ? "0022" : null),
            "ulimit", ShellBuiltins::ulimit);

    private ShellBuiltins() {
    }

    static Builtin special(String name) {
        return SPECIAL.get(name);
    }

    static Builtin regular(String name) {
        Builtin builtin = REGULAR.get(name);
        if (builtin == null && APPLET_BUILTINS.contains(name)) {
            return (shell, argv, io) -> shell.commands.applet(argv.get(0)).orElseThrow()
                    .run(new CommandIo(argv, shell.state.environment(), shell.state.hostname, shell.state.workingDir, io, shell.state.network, shell.state.files,
                            shell.state.processes));
        }
        return builtin;
    }

    static boolean isBuiltin(String name) {
        return SPECIAL.containsKey(name) || REGULAR.containsKey(name) || APPLET_BUILTINS.contains(name);
    }

    /** ash's {@code number()}: digits only, else "Illegal number". */
    static int number(String builtin, String text) {
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 9) {
            throw new ShellControl.Fatal(builtin, "Illegal number: " + text);
        }
        return Integer.parseInt(text);
    }

    private static int exit(ShellRunner shell, List<String> argv, Streams io) {
        throw new ShellControl.Exit(argv.size() > 1 ? number("exit", argv.get(1)) & 0xff : shell.state.status);
    }

    private static int returnCommand(ShellRunner shell, List<String> argv, Streams io) {
        throw new ShellControl.Return(argv.size() > 1 ? number("return", argv.get(1)) & 0xff : shell.state.status);
    }

    private static int loopJump(ShellRunner shell, List<String> argv, boolean breaking) {
        int levels = argv.size() > 1 ? number(argv.get(0), argv.get(1)) : 1;
        if (levels == 0) {
            throw new ShellControl.Fatal(argv.get(0), "Illegal number: " + argv.get(1));
        }
        if (shell.state.loopDepth == 0) {
            return 0;
        }
        throw new ShellControl.LoopJump(Math.min(levels, shell.state.loopDepth), breaking);
    }

    private static int shift(ShellRunner shell, List<String> argv, Streams io) {
        int count = argv.size() > 1 ? number("shift", argv.get(1)) : 1;
        List<String> positional = shell.state.positional;
        if (count > positional.size()) {
            return 1;
        }
        shell.state.positional = List.copyOf(positional.subList(count, positional.size()));
        return 0;
    }

    private static int eval(ShellRunner shell, List<String> argv, Streams io) throws InterruptedException {
        ShellNode script;
        try {
            script = ShellParser.parseScript(String.join(" ", argv.subList(1, argv.size())));
        } catch (ShellSyntaxError e) {
            throw new ShellControl.Fatal("eval", "syntax error: " + e.getMessage());
        }
        return shell.run(script, io);
    }

    private static int exec(ShellRunner shell, List<String> argv, Streams io) throws InterruptedException {
        if (argv.size() == 1) {
            return 0;
        }
        throw new ShellControl.Exit(shell.external(argv.subList(1, argv.size()), io, "exec"));
    }

    private static int waitCommand(ShellRunner shell, List<String> argv, Streams io) throws InterruptedException {
        if (argv.size() == 1) {
            return shell.state.jobs.awaitAll();
        }
        int status = 0;
        for (String pid : argv.subList(1, argv.size())) {
            status = shell.state.jobs.await(number("wait", pid));
        }
        return status;
    }

    /** {@code ulimit [-n|-a...]}: Docker's defaults, unlimited but for open files. */
    private static int ulimit(ShellRunner shell, List<String> argv, Streams io) {
        String last = argv.get(argv.size() - 1);
        if (argv.size() > 1 && !last.startsWith("-")) {
            return 0;
        }
        return print(io, last.equals("-n") ? "1048576" : "unlimited");
    }

    private static int print(Streams io, String line) {
        if (line != null) {
            io.out(line + "\n");
        }
        return 0;
    }
}
