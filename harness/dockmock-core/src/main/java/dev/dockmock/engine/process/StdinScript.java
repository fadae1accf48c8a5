package dev.dockmock.engine.process;

import java.io.InputStream;

/**
 * Commands read from stdin a line at a time, each returned as soon as it is complete: a command
 * spanning lines ({@code if ...}, an open quote, a trailing {@code &&}) waits for more lines.
 * Reading stops at each newline, leaving the rest of stdin to the commands run ({@code cat}).
 */
final class StdinScript {
    private final InputStream in;
    private final StringBuilder buffer = new StringBuilder();
    private boolean ended;

    StdinScript(InputStream in) {
        this.in = in;
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
            String line = Stdin.readLine(in);
            if (line == null) {
                ended = true;
            } else {
                buffer.append(line);
            }
        }
    }
}
