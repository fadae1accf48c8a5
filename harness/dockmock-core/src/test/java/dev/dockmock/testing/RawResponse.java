package dev.dockmock.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One HTTP response as a client read it off the wire.
 *
 * @param status the status code
 * @param statusLine the status line as sent ({@code HTTP/1.1 101 UPGRADED})
 * @param headers the header fields in order, names as sent
 * @param body the body, decoded from chunked transfer coding (empty when there is none)
 * @param chunked whether the body came with {@code Transfer-Encoding: chunked}
 */
public record RawResponse(int status, String statusLine, List<Map.Entry<String, String>> headers, byte[] body,
        boolean chunked) {

    /** The first value of a header field, or {@code null}; names compare case-insensitively. */
    public String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a header field, in order. */
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> field : headers) {
            if (field.getKey().equalsIgnoreCase(name)) {
                values.add(field.getValue());
            }
        }
        return values;
    }

    public boolean has(String name) {
        return header(name) != null;
    }

    /** The reason phrase of the status line. */
    public String reason() {
        String[] parts = statusLine.split(" ", 3);
        return parts.length < 3 ? "" : parts[2];
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    RawResponse withBody(byte[] data, boolean wasChunked) {
        return new RawResponse(status, statusLine, headers, data, wasChunked);
    }

    @Override
    public String toString() {
        return statusLine + " " + headers + " " + bodyText();
    }
}
