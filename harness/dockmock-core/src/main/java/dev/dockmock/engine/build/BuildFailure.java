package dev.dockmock.engine.build;

/** A build step that failed: the in-band error message and the exit code the CLI ends with. */
final class BuildFailure extends RuntimeException {
    private final int code;

    BuildFailure(String message, int code) {
        super(message, null, false, false);
        this.code = code;
    }

    BuildFailure(String message) {
        this(message, 1);
    }

    int code() {
        return code;
    }
}
