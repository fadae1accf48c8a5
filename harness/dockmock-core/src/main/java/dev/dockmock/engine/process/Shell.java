package dev.dockmock.engine.process;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * busybox ash, simulated: {@code sh -c SCRIPT [name args...]}, {@code sh} reading commands from
 * stdin line by line (each runs as soon as it is complete, so {@code docker run -i alpine sh}
 * answers as it goes), {@code sh FILE} running the commands of a file in the container, and the
 * options {@code -e -x -o pipefail}. Reading from a terminal ({@link ProcessIo#terminal()}), it is
 * interactive ({@link InteractiveShell}): it prompts, and a typed ^C ends the command running.
 */
final class Shell {

    /** Where the commands come from. */
    @FunctionalInterface
    private interface Source {
        ShellNode next() throws ShellSyntaxError, InterruptedException;
    }

    private Shell() {
    }

    static int run(ProcessIo io, CommandTable commands) throws InterruptedException {
        List<String> argv = io.argv();
        String arg0 = argv.get(0);
        ShellState state = new ShellState(arg0, io.hostname(), io.workingDir(), io.network(), io.files());
        state.processes = io.processes();
        state.terminal = io.terminal().orElse(null);
        Streams streams = ShellSetup.sharedStreams(io);
        ShellSetup.environment(state, io);
        boolean command = false;
        boolean fromStdin = false;
        int i = 1;
        while (i < argv.size()) {
            String arg = argv.get(i);
            if (arg.equals("--") || arg.equals("-")) {
                i++;
                break;
            }
            if (arg.length() < 2 || arg.charAt(0) != '-' && arg.charAt(0) != '+') {
                break;
            }
            i++;
            for (char flag : arg.substring(1).toCharArray()) {
                if (flag == 'c') {
                    command = true;
                } else if (flag == 's') {
                    fromStdin = true;
                } else if (flag == 'o' && i < argv.size()) {
                    VariableBuiltins.option(state, argv.get(i++), arg.charAt(0) == '-');
                } else if ("euxvfimlnaC".indexOf(flag) >= 0) {
                    VariableBuiltins.option(state, String.valueOf(flag), arg.charAt(0) == '-');
                } else {
                    streams.err(arg0 + ": illegal option " + arg.charAt(0) + flag + "\n");
                    return 2;
                }
            }
        }
        List<String> rest = argv.subList(i, argv.size());
        ShellRunner runner = new ShellRunner(state, commands);
        try {
            if (command) {
                if (rest.isEmpty()) {
                    streams.err(arg0 + ": -c requires an argument\n");
                    return 2;
                }
                if (rest.size() > 1) {
                    state.arg0 = rest.get(1);
                    state.scriptName = rest.get(1);
                    state.dollarZero = rest.get(1);
                    state.positional = List.copyOf(rest.subList(2, rest.size()));
                }
                ShellParser parser = new ShellParser(rest.get(0), false);
                return CommandStringSignals.run(io, () -> execute(runner, streams, new OneAhead(parser, state), parser));
            }
            if (!rest.isEmpty() && !fromStdin) {
                return script(runner, streams, rest);
            }
            state.positional = List.copyOf(rest);
            if (io.terminal().isPresent()) {
                return new InteractiveShell(runner, streams, io.terminal().get(), io.stdin()).run();
            }
            return execute(runner, streams, new StdinScript(io.stdin())::next, null);
        } finally {
            state.jobs.killAll();
        }
    }

    /**
     * {@code sh FILE [ARG]...}: the file's commands, named by it in {@code $0} and in ash's error
     * messages; {@code can't open 'FILE': ...} with status 127 when it is missing, 2 when the
     * user may not read it.
     */
    private static int script(ShellRunner runner, Streams streams, List<String> rest) throws InterruptedException {
        ShellState state = runner.state;
        String file = rest.get(0);
        Optional<ProcessFiles.Entry> entry;
        try {
            entry = state.files.read(KnownPaths.absolute(file, state.workingDir));
        } catch (ProcessFiles.Failure failure) {
            streams.err(state.arg0 + ": can't open '" + file + "': " + failure.getMessage() + "\n");
            return 2;
        }
        if (!(entry.orElse(null) instanceof ProcessFiles.Entry.File script)) {
            streams.err(state.arg0 + ": can't open '" + file + "': No such file or directory\n");
            return 127;
        }
        state.arg0 = file;
        state.scriptName = file;
        state.dollarZero = file;
        state.positional = List.copyOf(rest.subList(1, rest.size()));
        ShellParser parser = new ShellParser(new String(script.content(), StandardCharsets.UTF_8), false);
        return execute(runner, streams, new OneAhead(parser, state), parser);
    }

    private static int execute(ShellRunner runner, Streams io, Source source, ShellParser parser)
            throws InterruptedException {
        ShellState state = runner.state;
        try {
            for (ShellNode node = source.next(); node != null; node = source.next()) {
                runner.run(node, io);
            }
            return state.status;
        } catch (ShellSyntaxError error) {
            if (parser != null) {
                state.line = parser.line();
            }
            io.err(state.prefix(null) + "syntax error: " + error.getMessage() + "\n");
            return 2;
        } catch (ShellControl.Exit exit) {
            return exit.status;
        } catch (ShellControl.Fatal fatal) {
            io.err(state.prefix(fatal.builtin) + fatal.getMessage() + "\n");
            return fatal.status;
        } catch (ShellControl.Return returned) {
            return returned.status;
        } catch (ShellControl.LoopJump jump) {
            return state.status;
        }
    }

    /**
     * {@code sh -c}'s commands, parsed one ahead so that the last one is known: its tail commands
     * run in the shell's place ({@link TailCommands}). A syntax error further on is thrown once
     * the commands before it have run, as ash reports it.
     */
    private static final class OneAhead implements Source {
        private final ShellParser parser;
        private final ShellState state;
        private ShellNode ahead;
        private ShellSyntaxError error;
        private boolean started;

        OneAhead(ShellParser parser, ShellState state) {
            this.parser = parser;
            this.state = state;
        }

        @Override
        public ShellNode next() throws ShellSyntaxError {
            if (!started) {
                started = true;
                ahead = read();
            }
            ShellNode current = ahead;
            if (current == null) {
                if (error != null) {
                    throw error;
                }
                return null;
            }
            ahead = read();
            if (ahead == null && error == null) {
                state.tailCommands = TailCommands.of(current);
            }
            return current;
        }

        private ShellNode read() {
            try {
                return parser.next();
            } catch (ShellSyntaxError e) {
                error = e;
                return null;
            }
        }
    }
}
