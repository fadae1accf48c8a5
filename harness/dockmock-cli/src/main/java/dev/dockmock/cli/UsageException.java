package dev.dockmock.cli;

/** A wrong command line; the message says what is wrong. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
