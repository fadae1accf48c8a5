package dev.dockmock.engine.process;

/**
 * A script that does not parse. The message is busybox ash's text after {@code syntax error: }.
 */
final class ShellSyntaxError extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean incomplete;

    /**
     * @param incomplete whether the text ended too early, so that more input could complete it
     *     (a shell reading stdin then waits for the next line)
     */
    ShellSyntaxError(String message, boolean incomplete) {
        super(message, null, false, false);
        this.incomplete = incomplete;
    }

    boolean incomplete() {
        return incomplete;
    }
}
