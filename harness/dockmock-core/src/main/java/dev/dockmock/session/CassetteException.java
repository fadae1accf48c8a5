package dev.dockmock.session;

import java.io.IOException;

/** A cassette that cannot be loaded; the message names the file, the line and the problem. */
public final class CassetteException extends IOException {
    private final int line;

    public CassetteException(String message, int line, Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    /** The 1-based line of the problem. */
    public int line() {
        return line;
    }
}
