package dev.dockmock.hardening;

import java.nio.charset.StandardCharsets;

/**
 * One malformed Docker API call and the answer dockerd gives it.
 *
 * @param what a short description, shown as the test's name
 * @param method the HTTP method
 * @param target the request target; {@code {c}} stands for a running container's name
 * @param contentType the body's type
 * @param body the body
 * @param status the status dockerd answers
 * @param message a part of dockerd's message: the field or the entry it names
 */
record BadInput(String what, String method, String target, String contentType, byte[] body, int status, String message) {

    static BadInput json(String what, String method, String target, String body, int status, String message) {
        return new BadInput(what, method, target, "application/json", body.getBytes(StandardCharsets.UTF_8), status, message);
    }

    static BadInput tar(String what, String method, String target, byte[] body, int status, String message) {
        return new BadInput(what, method, target, "application/x-tar", body, status, message);
    }

    @Override
    public String toString() {
        return what;
    }
}
