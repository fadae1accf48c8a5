package dev.dockmock.engine.process;

import java.io.InputStream;

/**
 * Types what a client sends into a stdin pipe into a {@link Terminal}, on a thread of its own,
 * and hangs the terminal up when the pipe ends; the attach and exec routes keep writing to the
 * pipe as they do without a terminal.
 */
public final class TerminalFeed {

    private TerminalFeed() {
    }

    /** Starts feeding {@code terminal} from {@code from} until it ends. */
    public static void start(InputStream from, Terminal terminal, String threadName) {
        Thread feed = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                int n;
                while ((n = from.read(buffer)) >= 0) {
                    terminal.type(buffer, 0, n);
                }
            } catch (java.io.IOException e) {
                // the pipe failed as a closed one would: no more input
            } finally {
                terminal.hangUp();
            }
        }, threadName);
        feed.setDaemon(true);
        feed.start();
    }
}
