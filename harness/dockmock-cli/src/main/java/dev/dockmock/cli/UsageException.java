package dev.dockmock.cli;

/** A wrong command line; the message says what is wrong. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
