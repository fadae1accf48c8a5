package dev.dockmock.engine.process;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            Map.entry(".", ShellBuiltins::source),
            Map.entry("source", ShellBuiltins::source),
            Map.entry("export", VariableBuiltins::export),
            Map.entry("readonly", VariableBuiltins::readonly),
            Map.entry("unset", VariableBuiltins::unset),
            Map.entry("set", VariableBuiltins::set),
            Map.entry("local", VariableBuiltins::local));

    private static final Map<String, Builtin> REGULAR = Map.of(
            "read", ReadBuiltin::read,
            "cd", ShellBuiltins::cd,
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

    /**
     * {@code . FILE}: runs a file's commands in this shell. A bare name would be searched in PATH,
     * which holds no scripts here; a path is opened with the user's rights.
     */
    private static int source(ShellRunner shell, List<String> argv, Streams io) throws InterruptedException {
        if (argv.size() < 2) {
            return 0;
        }
        String file = argv.get(1);
        if (!file.contains("/")) {
            throw new ShellControl.Fatal(argv.get(0), file + ": not found");
        }
        Optional<ProcessFiles.Entry> entry;
        try {
            entry = shell.state.files.read(KnownPaths.absolute(file, shell.state.workingDir));
        } catch (ProcessFiles.Failure failure) {
            throw new ShellControl.Fatal(argv.get(0), "can't open '" + file + "': " + failure.getMessage());
        }
        if (!(entry.orElse(null) instanceof ProcessFiles.Entry.File script)) {
            throw new ShellControl.Fatal(argv.get(0), "can't open '" + file + "': No such file or directory", 127);
        }
        ShellNode commands;
        try {
            commands = ShellParser.parseScript(new String(script.content(), StandardCharsets.UTF_8));
        } catch (ShellSyntaxError e) {
            throw new ShellControl.Fatal(argv.get(0), "syntax error: " + e.getMessage());
        }
        if (argv.size() == 2) {
            return shell.run(commands, io);
        }
        // arguments after the file are its positional parameters while it runs
        List<String> saved = shell.state.positional;
        shell.state.positional = List.copyOf(argv.subList(2, argv.size()));
        try {
            return shell.run(commands, io);
        } finally {
            shell.state.positional = saved;
        }
    }

    private static int cd(ShellRunner shell, List<String> argv, Streams io) {
        ShellState state = shell.state;
        String target = argv.size() > 1 ? argv.get(1) : state.get("HOME") != null ? state.get("HOME") : "/";
        if (target.equals("-")) {
            target = state.get("OLDPWD") != null ? state.get("OLDPWD") : state.workingDir;
            io.out(target + "\n");
        }
        String path = normalize(target.startsWith("/") ? target : state.workingDir + "/" + target);
        if (!state.files.user().isRoot()
                && (!state.files.allows(path, 0) || isDirectory(state.files, path) && !state.files.allows(path, ProcessFiles.EXECUTE))) {
            throw new ShellControl.Fatal("cd", "can't cd to " + target + ": " + ProcessFiles.Errno.PERMISSION_DENIED.message());
        }
        state.set("OLDPWD", state.workingDir);
        state.workingDir = path;
        state.set("PWD", path);
        state.exported.add("OLDPWD");
        state.exported.add("PWD");
        return 0;
    }

    private static boolean isDirectory(ProcessFiles files, String path) {
        return files.stat(path, true).map(ProcessFiles.Stat::isDirectory).orElse(false);
    }

    /** Resolves {@code .} and {@code ..} in an absolute path, as {@code cd} does without a filesystem. */
    static String normalize(String path) {
        Deque<String> names = new ArrayDeque<>();
        for (String name : path.split("/")) {
            if (name.equals("..")) {
                names.pollLast();
            } else if (!name.isEmpty() && !name.equals(".")) {
                names.addLast(name);
            }
        }
        return "/" + String.join("/", names);
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
