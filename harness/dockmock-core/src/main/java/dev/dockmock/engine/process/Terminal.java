package dev.dockmock.engine.process;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The terminal of a container or exec started with {@code Tty}: a small model of Linux's n_tty
 * line discipline between what the client types ({@link #type}) and what the processes read
 * ({@link #input()}) and write ({@link #write}). In canonical mode typed characters are echoed
 * (control characters as {@code ^C}), CR is read as NL, DEL and ^H erase a character, ^W a word,
 * ^U the line, a line reaches the reader when Enter is pressed, ^D on an empty line is one
 * end-of-file for the reader, and ^C, ^\ and ^Z flush the input and signal the foreground
 * ({@link #foreground}). Output has NL shown as CR NL.
 */
public final class Terminal {

    private final Consumer<byte[]> screen;
    private final TerminalInput line = new TerminalInput();
    private final TerminalQueue ready = new TerminalQueue();
    /** What the keys being typed complete, held back until their echo is shown (null: end-of-file). */
    private final List<byte[]> released = new ArrayList<>();
    private TerminalModes modes = TerminalModes.defaults();
    private int column;
    private volatile IntConsumer foreground = signal -> { };
    private volatile int rows;
    private volatile int columns;

    /** A terminal that shows echo and output on {@code screen} (the client's stream). */
    public Terminal(Consumer<byte[]> screen) {
        this.screen = screen;
    }

    /** What the client typed. */
    public void type(byte[] data, int offset, int length) {
        synchronized (this) {
            List<Integer> signals = new ArrayList<>();
            ByteArrayOutputStream echo = new ByteArrayOutputStream();
            for (int i = offset; i < offset + length; i++) {
                int signal = receive(data[i] & 0xff, echo);
                if (signal != 0) {
                    signals.add(signal);
                }
            }
            // the echo first: a reader that ends on the line (`exit`) must not end the session before it shows
            show(echo.toByteArray());
            released.forEach(chunk -> {
                if (chunk == null) {
                    ready.addEof();
                } else {
                    ready.add(chunk);
                }
            });
            released.clear();
            // under the lock, so the thread interrupted is never inside a screen write: an interrupt
            // there would close a socket channel the screen writes to
            signals.forEach(foreground::accept);
        }
    }

    /** The client's input ended: readers get end-of-file once the typed lines are read. */
    public synchronized void hangUp() {
        if (line.length() > 0) {
            ready.add(line.take());
        }
        ready.hangUp();
    }

    /** What the process writes: shown on the screen, NL as CR NL unless {@code stty raw}. */
    public synchronized void write(byte[] data) {
        show(modes.postProcess() ? ContainerIo.crlf(data) : data);
    }

    /** The processes' stdin. */
    public InputStream input() {
        return ready.input();
    }

    /**
     * Makes {@code handler} hear the signals typed (SIGINT, SIGQUIT, SIGTSTP) until the returned
     * handle is closed, when the one before it hears them again.
     */
    public Foreground foreground(IntConsumer handler) {
        IntConsumer before = foreground;
        foreground = handler;
        return () -> foreground = before;
    }

    /** Restores the foreground handler that was replaced. */
    @FunctionalInterface
    public interface Foreground extends AutoCloseable {
        @Override
        void close();
    }

    public synchronized TerminalModes modes() {
        return modes;
    }

    public synchronized void modes(TerminalModes changed) {
        if (!changed.canonical() && line.length() > 0) {
            ready.add(line.take());
        }
        modes = changed;
    }

    /** The window size the client last set ({@code 0 0} until it sets one). */
    public void resize(int newRows, int newColumns) {
        rows = newRows;
        columns = newColumns;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** Handles one typed byte; returns the signal it sends, or 0. */
    private int receive(int c, ByteArrayOutputStream echo) {
        if (c == '\r' && modes.crToNl()) {
            c = '\n';
        }
        if (modes.signals() && (c == 0x03 || c == 0x1c || c == 0x1a)) {
            line.take();
            ready.clear();
            released.clear();
            if (modes.echo()) {
                echo.writeBytes(TerminalInput.caret(c));
            }
            return c == 0x03 ? Signals.SIGINT : c == 0x1c ? Signals.SIGQUIT : Signals.SIGTSTP;
        }
        if (!modes.canonical()) {
            released.add(new byte[] {(byte) c});
            TerminalInput.echo(c, modes, echo);
            return 0;
        }
        switch (c) {
            case 0x7f, 0x08 -> TerminalInput.erase(line.eraseChar(), modes, echo);
            case 0x17 -> line.eraseWord().forEach(width -> TerminalInput.erase(width, modes, echo));
            case 0x15 -> line.eraseLine().forEach(width -> TerminalInput.erase(width, modes, echo));
            case 0x04 -> {
                if (line.length() == 0) {
                    released.add(null);
                } else {
                    released.add(line.take());
                }
            }
            case '\n' -> {
                line.add(c, 0);
                released.add(line.take());
                TerminalInput.echo(c, modes, echo);
            }
            default -> {
                int before = columnAfter(echo);
                TerminalInput.echo(c, modes, echo);
                int width = TerminalInput.width(c, before);
                line.add(c, c == '\t' ? -width : width);
            }
        }
        return 0;
    }

    /** The screen column once the pending echo is shown (for a tab's width). */
    private int columnAfter(ByteArrayOutputStream echo) {
        return TerminalInput.advance(column, echo.toByteArray());
    }

    private void show(byte[] bytes) {
        if (bytes.length == 0) {
            return;
        }
        column = TerminalInput.advance(column, bytes);
        // a writer interrupted by a typed ^C must not carry the interrupt into a socket channel's
        // write (which would close it); it gets it back afterwards
        boolean interrupted = Thread.interrupted();
        try {
            screen.accept(bytes);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
