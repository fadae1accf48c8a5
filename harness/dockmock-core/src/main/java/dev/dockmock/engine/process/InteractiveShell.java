package dev.dockmock.engine.process;

import java.io.InputStream;
import java.util.function.IntConsumer;

/**
 * ash reading commands from its terminal: it shows {@code PS1} before each command and
 * {@code PS2} before each further line of an incomplete one (on stderr, which the terminal
 * shows), runs each command as it is complete, and ends at {@code exit} or at end-of-file (^D on
 * an empty line), printing a newline then as ash does. A typed ^C ends the command running
 * (status 130, a newline) or drops the line being typed and prompts again; ^\ ends a running
 * command with 131 and {@code Quit}, and is ignored at the prompt; errors do not end the shell.
 */
final class InteractiveShell {
    private final ShellRunner runner;
    private final Streams streams;
    private final Terminal terminal;
    private final InputStream stdin;

    InteractiveShell(ShellRunner runner, Streams streams, Terminal terminal, InputStream stdin) {
        this.runner = runner;
        this.streams = streams;
        this.terminal = terminal;
        this.stdin = stdin;
    }

    int run() throws InterruptedException {
        ShellState state = runner.state;
        Interrupts interrupts = new Interrupts(Thread.currentThread());
        StdinScript script = new StdinScript(stdin,
                continuation -> streams.err(ShellPrompt.expand(state.get(continuation ? "PS2" : "PS1"), state)));
        try (Terminal.Foreground foreground = terminal.foreground(interrupts)) {
            while (true) {
                try {
                    ShellNode node = script.next();
                    if (node == null) {
                        streams.err("\n");
                        return state.status;
                    }
                    interrupts.running = true;
                    try {
                        runner.run(node, streams);
                    } finally {
                        interrupts.running = false;
                    }
                } catch (InterruptedException e) {
                    int signal = interrupts.take();
                    if (signal == 0 || RunningProcess.ending()) {
                        throw e;
                    }
                    script.discard();
                    state.status = 128 + signal;
                    streams.err(signal == Signals.SIGQUIT ? "Quit\n" : "\n");
                } catch (ShellSyntaxError error) {
                    script.discard();
                    streams.err(state.arg0 + ": syntax error: " + error.getMessage() + "\n");
                    state.status = 2;
                } catch (ShellControl.Exit exit) {
                    return exit.status;
                } catch (ShellControl.Fatal fatal) {
                    streams.err(state.arg0 + ": " + (fatal.builtin != null ? fatal.builtin + ": " : "") + fatal.getMessage() + "\n");
                    state.status = fatal.status;
                } catch (ShellControl.Return | ShellControl.LoopJump jump) {
                    // outside a function or loop they end only the command, as in ash
                }
            }
        }
    }

    /** Takes a typed ^C (or ^\ while a command runs) as an interrupt of the shell's thread. */
    private static final class Interrupts implements IntConsumer {
        private final Thread shell;
        private volatile int pending;
        private volatile boolean running;

        Interrupts(Thread shell) {
            this.shell = shell;
        }

        @Override
        public void accept(int signal) {
            if (signal == Signals.SIGINT || signal == Signals.SIGQUIT && running) {
                pending = signal;
                shell.interrupt();
            }
        }

        int take() {
            int signal = pending;
            pending = 0;
            Thread.interrupted();
            return signal;
        }
    }
}
