package dev.dockmock.server;

/**
 * A request the server cannot take, found while reading it: answered with {@code status} and a
 * Docker-style message, then the connection is closed because its framing can no longer be
 * trusted.
 */
final class HttpProblem extends Exception {
    private final int status;

    HttpProblem(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
