package dev.dockmock.engine.process;

import java.io.InputStream;

/**
 * Commands read from stdin a line at a time, each returned as soon as it is complete: a command
 * spanning lines ({@code if ...}, an open quote, a trailing {@code &&}) waits for more lines.
 * Reading stops at each newline, leaving the rest of stdin to the commands run ({@code cat}).
 */
final class StdinScript {
    private final InputStream in;
    private final Prompter prompter;
    private final StringBuilder buffer = new StringBuilder();
    private boolean ended;

    /** Shows a prompt before a line is read: {@code continuation} when a command is incomplete (PS2). */
    @FunctionalInterface
    interface Prompter {
        void prompt(boolean continuation);
    }

    StdinScript(InputStream in) {
        this(in, continuation -> { });
    }

    StdinScript(InputStream in, Prompter prompter) {
        this.in = in;
        this.prompter = prompter;
    }

    /** Forgets a command typed in part (after ^C), so the next one starts afresh. */
    void discard() {
        buffer.setLength(0);
    }

    /** The next complete command, or {@code null} when stdin has ended. */
    ShellNode next() throws ShellSyntaxError, InterruptedException {
        while (true) {
            if (buffer.length() > 0 || ended) {
                ShellParser parser = new ShellParser(buffer.toString(), !ended);
                try {
                    ShellNode node = parser.next();
                    buffer.delete(0, parser.consumed());
                    if (node != null || ended) {
                        return node;
                    }
                } catch (ShellSyntaxError error) {
                    if (!error.incomplete() || ended) {
                        throw error;
                    }
                }
            }
            prompter.prompt(!buffer.toString().isBlank());
            String line = Stdin.readLine(in);
            if (line == null) {
                ended = true;
            } else {
                buffer.append(line);
            }
        }
    }
}
