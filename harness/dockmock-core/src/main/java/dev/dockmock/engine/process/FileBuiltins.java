package dev.dockmock.engine.process;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The shell's builtins that go through the container's files: {@code .} ({@code source}) and {@code cd}. */
final class FileBuiltins {

    private FileBuiltins() {
    }

    /**
     * {@code . FILE}: runs a file's commands in this shell. A bare name would be searched in PATH,
     * which holds no scripts here; a path is opened with the user's rights.
     */
    static int source(ShellRunner shell, List<String> argv, Streams io) throws InterruptedException {
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

    static int cd(ShellRunner shell, List<String> argv, Streams io) {
        ShellState state = shell.state;
        String target = argv.size() > 1 ? argv.get(1) : state.get("HOME") != null ? state.get("HOME") : "/";
        if (target.equals("-")) {
            target = state.get("OLDPWD") != null ? state.get("OLDPWD") : state.workingDir;
            io.out(target + "\n");
        }
        String path = KnownPaths.normalize(target.startsWith("/") ? target : state.workingDir + "/" + target);
        if (!state.files.user().isRoot()
                && (!state.files.allows(path, 0) || isDirectory(state.files, path) && !state.files.allows(path, ProcessFiles.EXECUTE))) {
            throw new ShellControl.Fatal("cd", "can't cd to " + target + ": " + Errno.PERMISSION_DENIED.message());
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
}
