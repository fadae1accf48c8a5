package dev.dockmock.protocol;

/**
 * Thrown by handlers to answer with a {@link DockerError}; dispatchers turn it into the error
 * response, so a handler deep in the engine can stop with "No such container: x".
 */
public final class DockerException extends RuntimeException {
    private final DockerError error;

    public DockerException(DockerError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public DockerException(int status, String message) {
        this(DockerError.of(status, message));
    }

    public DockerError error() {
        return error;
    }
}
