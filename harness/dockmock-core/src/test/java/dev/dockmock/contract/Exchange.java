package dev.dockmock.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ResponseBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One recorded request and the response it got, with the body as far as the recorder read it:
 * the bytes of a complete body, the messages of a drained stream, nothing for a hijacked one.
 *
 * @param request the request as dispatched
 * @param response the response as the wrapped dispatcher gave it
 * @param operation the spec operation the request matched, if any
 * @param stream the capture of a streamed body, or null when the body was not streamed
 */
public record Exchange(ApiRequest request, ApiResponse response, Optional<SpecOperation> operation, StreamCapture stream) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public int status() {
        return response.status();
    }

    /** The body's bytes so far: the whole body, what a stream sent, or nothing. */
    public byte[] body() {
        if (stream != null) {
            return stream.bytes();
        }
        return response.body() instanceof ResponseBody.Bytes bytes ? bytes.data() : new byte[0];
    }

    public String text() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** The body as JSON (the first document of a stream). */
    public JsonNode json() {
        try {
            return JSON.readTree(body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text(), e);
        }
    }

    public boolean hijacked() {
        return response.body() instanceof ResponseBody.Hijacked;
    }

    public Optional<String> contentType() {
        return response.headers().first("Content-Type");
    }

    @Override
    public String toString() {
        return request + " -> " + response.status() + operation.map(op -> " (" + op.operationId() + ")").orElse("");
    }
}
