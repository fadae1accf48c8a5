package dev.dockmock.engine.process;

import java.util.List;
import java.util.function.Consumer;

/**
 * busybox ash, simulated: {@code sh -c SCRIPT [name args...]}, {@code sh} reading commands from
 * stdin line by line (each runs as soon as it is complete, so {@code docker run -i alpine sh}
 * answers as it goes), and the options {@code -e -x -o pipefail}. A script file cannot be run,
 * there being no filesystem. Reading from a terminal ({@link ProcessIo#terminal()}), it is
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
        Streams streams = sharedStreams(io);
        environment(state, io);
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
                streams.err(arg0 + ": can't open '" + rest.get(0) + "': No such file or directory\n");
                return 127;
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

    /** The container's environment, exported, plus what ash sets itself: SHLVL, PWD, HOSTNAME, PPID. */
    private static void environment(ShellState state, ProcessIo io) {
        io.env().forEach((name, value) -> {
            state.set(name, value);
            state.exported.add(name);
        });
        int level = 0;
        try {
            level = Integer.parseInt(io.env().getOrDefault("SHLVL", "0").trim());
        } catch (NumberFormatException e) {
            level = 0;
        }
        state.set("SHLVL", Integer.toString(level + 1));
        state.exported.add("SHLVL");
        state.set("PWD", io.workingDir());
        state.exported.add("PWD");
        if (state.get("HOSTNAME") == null) {
            state.set("HOSTNAME", io.hostname());
        }
        state.set("PPID", "0");
        // ash sets its prompts whether or not it is interactive; the environment may set them first
        state.vars.putIfAbsent("PS1", ShellPrompt.PS1);
        state.vars.putIfAbsent("PS2", ShellPrompt.PS2);
        state.vars.putIfAbsent("PS4", ShellPrompt.PS4);
    }

    /** Pipeline stages and background jobs write concurrently; the engine's sinks get one writer at a time. */
    private static Streams sharedStreams(ProcessIo io) {
        Object lock = new Object();
        Consumer<byte[]> out = data -> {
            synchronized (lock) {
                io.stdout(data);
            }
        };
        Consumer<byte[]> err = data -> {
            synchronized (lock) {
                io.stderr(data);
            }
        };
        return new Streams(io.stdin(), out, err);
    }
}
