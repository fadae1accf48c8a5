package dev.dockmock.engine.process;

/**
 * The termios flags the simulated terminal honours; {@link #defaults()} are those a container's
 * pty starts with (Linux's n_tty defaults as runc leaves them).
 *
 * @param canonical ICANON: input is delivered a line at a time and can be edited
 * @param echo ECHO: typed characters are shown
 * @param signals ISIG: ^C, ^\ and ^Z send signals
 * @param crToNl ICRNL: a typed CR is read as NL
 * @param postProcess OPOST with ONLCR: written NL is shown as CR NL
 */
public record TerminalModes(boolean canonical, boolean echo, boolean signals, boolean crToNl, boolean postProcess) {

    public static TerminalModes defaults() {
        return new TerminalModes(true, true, true, true, true);
    }

    /** {@code stty raw}: bytes pass unchanged, nothing is interpreted (echo is left as it was). */
    public TerminalModes raw() {
        return new TerminalModes(false, echo, false, false, false);
    }

    /** {@code stty -raw} / {@code stty sane}'s part that undoes {@link #raw()}. */
    public TerminalModes cooked() {
        return new TerminalModes(true, echo, true, true, true);
    }

    public TerminalModes withEcho(boolean on) {
        return new TerminalModes(canonical, on, signals, crToNl, postProcess);
    }

    public TerminalModes withCanonical(boolean on) {
        return new TerminalModes(on, echo, signals, crToNl, postProcess);
    }
}
