package dev.dockmock.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One answer to an {@link ApiRequest}, as a value. The transport adds framing headers
 * ({@code Content-Length}, {@code Transfer-Encoding}, {@code Date}, {@code Connection}).
 *
 * @param status the HTTP status code
 * @param headers header fields chosen by the dispatcher ({@code Content-Type}, {@code Api-Version})
 * @param body what follows the headers
 */
public record ApiResponse(int status, Headers headers, ResponseBody body) {

    public static final String JSON = "application/json";

    public ApiResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status out of range: " + status);
        }
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    public static Builder builder(int status) {
        return new Builder(status);
    }

    /** A JSON answer from bytes already serialised. */
    public static ApiResponse json(int status, byte[] json) {
        return builder(status).header("Content-Type", JSON).body(json).build();
    }

    /** A JSON answer from JSON text. */
    public static ApiResponse json(int status, String json) {
        return json(status, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A plain-text answer. */
    public static ApiResponse text(int status, String text) {
        return builder(status).header("Content-Type", "text/plain; charset=utf-8").body(text).build();
    }

    /** A status with no body (204 No Content, 304 Not Modified). */
    public static ApiResponse empty(int status) {
        return new ApiResponse(status, Headers.empty(), ResponseBody.EMPTY);
    }

    /** A Docker error: {@code {"message": ...}} with {@code Content-Type: application/json}. */
    public static ApiResponse error(int status, String message) {
        return DockerError.of(status, message).toResponse();
    }

    /** A streamed (chunked) answer with the given content type. */
    public static ApiResponse streamed(int status, String contentType, StreamWriter writer) {
        return builder(status).header("Content-Type", contentType).body(new ResponseBody.Streamed(writer)).build();
    }

    /** A hijacked answer whose stream has the given content type. */
    public static ApiResponse hijacked(String contentType, HijackHandler handler) {
        return builder(200).header("Content-Type", contentType).body(new ResponseBody.Hijacked(handler)).build();
    }

    /** The same response with one more header field. */
    public ApiResponse withHeader(String name, String value) {
        return new ApiResponse(status, headers.toBuilder().set(name, value).build(), body);
    }

    /** The same response delivered with {@code fault}; faults nest, the outermost is carried out first. */
    public ApiResponse withFault(TransportFault fault) {
        return new ApiResponse(status, headers, new ResponseBody.Faulted(fault, body));
    }

    /** A response that is nothing but {@code fault} (a reset, an empty answer, a stall, ...). */
    public static ApiResponse fault(TransportFault fault) {
        return new ApiResponse(200, Headers.empty(), new ResponseBody.Faulted(fault, ResponseBody.EMPTY));
    }

    /** Builds an {@link ApiResponse}. */
    public static final class Builder {
        private final int status;
        private final Headers.Builder headers = Headers.builder();
        private ResponseBody body = ResponseBody.EMPTY;

        private Builder(int status) {
            this.status = status;
        }

        public Builder header(String name, String value) {
            headers.set(name, value);
            return this;
        }

        public Builder addHeader(String name, String value) {
            headers.add(name, value);
            return this;
        }

        public Builder body(byte[] data) {
            this.body = new ResponseBody.Bytes(data);
            return this;
        }

        public Builder body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        public Builder body(ResponseBody body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        public ApiResponse build() {
            return new ApiResponse(status, headers.build(), body);
        }
    }
}
