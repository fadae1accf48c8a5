package dev.dockmock.server;

import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerError;
import dev.dockmock.protocol.Headers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** Writes HTTP/1.1 response heads and bodies to a connection's buffered output. */
final class ResponseWriter {
    /** Bodies up to this size leave with their head; larger ones are worth a second write. */
    private static final int JOINED_BODY_LIMIT = 64 * 1024;

    private final OutputStream out;
    private byte[] scratch = new byte[512];
    private int used;

    ResponseWriter(OutputStream out) {
        this.out = out;
    }

    OutputStream stream() {
        return out;
    }

    /**
     * Writes a status line and header fields; {@code framing} are the transport's own fields
     * ({@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}) added after the
     * dispatcher's. Synchronized for the reaper, which may answer 408 while the connection's own
     * thread writes {@code 100 Continue}: both build in the same scratch array.
     */
    synchronized void head(int status, Headers headers, String... framing) throws IOException {
        buildHead(status, headers, framing);
        out.write(scratch, 0, used);
    }

    /**
     * A head and a body in one piece. Why: a body that does not fit in the connection's buffer
     * beside the head (the 16 kB container list) would otherwise go out in a second write, and
     * the client wakes for the head alone before reading the body; here both leave in one write.
     */
    synchronized void headAndBody(int status, Headers headers, byte[] body, String... framing) throws IOException {
        buildHead(status, headers, framing);
        if (body.length > JOINED_BODY_LIMIT) {
            out.write(scratch, 0, used);
            out.write(body);
            return;
        }
        if (used + body.length > scratch.length) {
            scratch = Arrays.copyOf(scratch, used + body.length);
        }
        System.arraycopy(body, 0, scratch, used, body.length);
        out.write(scratch, 0, used + body.length);
    }

    private void buildHead(int status, Headers headers, String... framing) {
        used = 0;
        put("HTTP/1.1 ").put(String.valueOf(status)).put(" ").put(reason(status)).put("\r\n");
        boolean hasDate = false;
        for (Map.Entry<String, String> field : headers.fields()) {
            String name = field.getKey();
            if (isFraming(name)) {
                continue;
            }
            hasDate |= name.equalsIgnoreCase("Date");
            put(name).put(": ").put(sanitize(field.getValue())).put("\r\n");
        }
        if (!hasDate) {
            put("Date: ").put(HttpDate.now()).put("\r\n");
        }
        for (int i = 0; i + 1 < framing.length; i += 2) {
            put(framing[i]).put(": ").put(framing[i + 1]).put("\r\n");
        }
        put("\r\n");
    }

    /**
     * Appends text as ISO-8859-1 bytes (a character beyond it becomes {@code ?}, as
     * {@code String.getBytes} gives) to the head being built: one array reused for every head of
     * the connection instead of a builder, a string and its bytes per answer.
     */
    private ResponseWriter put(String text) {
        int length = text.length();
        if (used + length > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, used + length));
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            scratch[used++] = c <= 0xFF ? (byte) c : (byte) '?';
        }
        return this;
    }

    /** A Docker error ({@code {"message": ...}}) that closes the connection, flushed. */
    void problem(int status, String message) throws IOException {
        byte[] body = DockerError.of(status, message).body();
        headAndBody(status, Headers.of("Content-Type", ApiResponse.JSON), body, "Content-Length", String.valueOf(body.length),
                "Connection", "close");
        flush();
    }

    void body(byte[] data) throws IOException {
        out.write(data);
    }

    /** One chunk of a chunked body; empty data is skipped, as a zero-size chunk ends the body. */
    void chunk(byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(data);
        out.write(CRLF);
    }

    void lastChunk() throws IOException {
        out.write(LAST_CHUNK);
    }

    void flush() throws IOException {
        out.flush();
    }

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private static boolean isFraming(String name) {
        return name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")
                || name.equalsIgnoreCase("Connection");
    }

    /** Header values from dispatchers (replayed ones included) must not split the response. */
    private static String sanitize(String value) {
        return value.indexOf('\r') < 0 && value.indexOf('\n') < 0 ? value : value.replace('\r', ' ').replace('\n', ' ');
    }

    static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 101 -> "UPGRADED";
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 206 -> "Partial Content";
            case 301 -> "Moved Permanently";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 411 -> "Length Required";
            case 413 -> "Request Entity Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> status < 300 ? "OK" : status < 400 ? "Redirect" : status < 500 ? "Client Error" : "Server Error";
        };
    }
}
