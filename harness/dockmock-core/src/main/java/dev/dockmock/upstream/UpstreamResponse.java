package dev.dockmock.upstream;

import dev.dockmock.protocol.Headers;
import java.util.Objects;

/**
 * The daemon's answer: its head as sent, and the body in the form its framing gave.
 *
 * @param status the status code ({@code 101} when the daemon took the connection over)
 * @param reason the reason phrase
 * @param headers every header field, framing fields included
 * @param body the body
 */
public record UpstreamResponse(int status, String reason, Headers headers, UpstreamBody body) implements AutoCloseable {

    public UpstreamResponse {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public void close() {
        body.close();
    }
}
