package dev.dockmock.contract;

/**
 * One way a response broke the API spec.
 *
 * @param specVersion the spec checked against ({@code 1.50})
 * @param operationId the spec's operation ({@code ContainerInspect}), or {@code (none)} when no operation matched
 * @param operation the operation's method and path template ({@code GET /containers/{id}/json})
 * @param request the request as sent ({@code GET /v1.50/containers/3f1c/json})
 * @param status the status answered
 * @param message what is wrong, with the JSON path where it applies
 */
public record Violation(String specVersion, String operationId, String operation, String request, int status, String message) {

    static Violation of(ApiSpec spec, SpecOperation op, String request, int status, String message) {
        return new Violation(spec.version(), op == null ? "(none)" : op.operationId(),
                op == null ? "(no operation)" : op.method() + " " + op.path(), request, status, message);
    }

    @Override
    public String toString() {
        return "[" + specVersion + "] " + operationId + " (" + operation + ") " + request + " -> " + status + ": " + message;
    }
}
