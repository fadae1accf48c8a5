package dev.dockmock.session;

import dev.dockmock.protocol.Headers;
import java.util.Objects;

/**
 * An answer as the cassette keeps it.
 *
 * @param status the status the client saw ({@code 101} for an upgraded hijack)
 * @param headers the header fields the dispatcher chose; framing fields are the transport's
 * @param latency milliseconds from the request's arrival to the answer's head
 * @param body what followed the head
 */
public record RecordedResponse(int status, Headers headers, long latency, RecordedBody body) {

    public RecordedResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        if (latency < 0) {
            throw new IllegalArgumentException("latency must not be negative");
        }
    }

    public RecordedResponse withBody(RecordedBody newBody) {
        return new RecordedResponse(status, headers, latency, newBody);
    }

    public RecordedResponse withHeaders(Headers newHeaders) {
        return new RecordedResponse(status, newHeaders, latency, body);
    }
}
