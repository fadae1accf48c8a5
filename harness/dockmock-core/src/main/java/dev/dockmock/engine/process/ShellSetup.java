package dev.dockmock.engine.process;

import java.util.function.Consumer;

/** What a {@link Shell} sets up before its first command: its variables and its output streams. */
final class ShellSetup {

    private ShellSetup() {
    }

    /** The container's environment, exported, plus what ash sets itself: SHLVL, PWD, HOSTNAME, PPID. */
    static void environment(ShellState state, ProcessIo io) {
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
    static Streams sharedStreams(ProcessIo io) {
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
