package dev.dockmock.server;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ClientInfo;
import dev.dockmock.protocol.Headers;
import java.io.IOException;
import java.util.Locale;

/** Reads HTTP/1.1 request heads and bodies from a connection's input, within the server's limits. */
final class RequestReader {
    /** A body length meaning "chunked": the length is known only once the last chunk is read. */
    static final long CHUNKED = -1;

    private final HttpInput input;
    private final ServerOptions options;

    RequestReader(HttpInput input, ServerOptions options) {
        this.input = input;
        this.options = options;
    }

    /** A request as read: its head, for framing the answer, and its value, for the dispatcher. */
    record Request(RequestHead head, ApiRequest value) {
    }

    /**
     * Reads one whole request: head, then {@code 100 Continue} if the client waits for it (only
     * once the framing is known to be acceptable), then the body.
     *
     * @return the request, or {@code null} when the client closed the connection between requests
     */
    Request read(ResponseWriter writer, ClientInfo client) throws IOException, HttpProblem {
        RequestHead head = readHead();
        if (head == null) {
            return null;
        }
        long length = bodyLength(head);
        if (head.http11() && head.headers().hasToken("Expect", "100-continue")) {
            writer.head(100, Headers.empty());
            writer.flush();
        }
        byte[] body = readBody(length);
        try {
            return new Request(head, ApiRequest.of(head.method(), head.target(), head.headers(), body, client));
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, "malformed request target: " + e.getMessage());
        }
    }

    /**
     * Reads a request line and header section.
     *
     * @return the head, or {@code null} when the client closed the connection between requests
     */
    RequestHead readHead() throws IOException, HttpProblem {
        String requestLine = input.readLine(options.maxRequestLineBytes());
        while (requestLine != null && requestLine.isEmpty()) {
            // RFC 9112 asks servers to ignore at least one empty line before a request.
            requestLine = input.readLine(options.maxRequestLineBytes());
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new HttpProblem(400, "malformed request line");
        }
        String method = parts[0];
        if (!allBetween(method, 'A', 'Z')) {
            throw new HttpProblem(400, "malformed request method");
        }
        boolean http11;
        switch (parts[2]) {
            case "HTTP/1.1" -> http11 = true;
            case "HTTP/1.0" -> http11 = false;
            default -> throw new HttpProblem(505, "HTTP version not supported: only HTTP/1.0 and HTTP/1.1 are served");
        }
        String target = parts[1];
        if (!target.startsWith("/")) {
            throw new HttpProblem(400, "request target must be an absolute path");
        }
        return new RequestHead(method, target, http11, readFields());
    }

    private Headers readFields() throws IOException, HttpProblem {
        Headers.Builder fields = Headers.builder();
        int total = 0;
        int count = 0;
        while (true) {
            String line = input.readLine(options.maxHeaderBytes());
            if (line == null) {
                throw new HttpProblem(400, "unexpected end of request headers");
            }
            if (line.isEmpty()) {
                return fields.build();
            }
            total += line.length() + 2;
            if (total > options.maxHeaderBytes() || ++count > options.maxHeaderCount()) {
                throw new HttpProblem(431, "request headers too large (limit " + options.maxHeaderBytes() + " bytes, "
                        + options.maxHeaderCount() + " fields)");
            }
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                throw new HttpProblem(400, "obsolete header line folding is not accepted");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new HttpProblem(400, "malformed header line");
            }
            String name = line.substring(0, colon);
            if (!isToken(name)) {
                throw new HttpProblem(400, "malformed header name");
            }
            fields.add(name, line.substring(colon + 1).trim());
        }
    }

    /**
     * Checks how the head frames its body before any of the body is read (and before a client
     * that expects {@code 100 Continue} is told to send it).
     *
     * @return the length the head declares, or {@link #CHUNKED}
     */
    long bodyLength(RequestHead head) throws HttpProblem {
        Headers headers = head.headers();
        if (headers.has("Transfer-Encoding")) {
            String coding = String.join(",", headers.all("Transfer-Encoding")).trim().toLowerCase(Locale.ROOT);
            if (!coding.equals("chunked")) {
                throw new HttpProblem(501, "unsupported transfer coding \"" + coding + "\": only chunked is served");
            }
            if (headers.has("Content-Length")) {
                throw new HttpProblem(400, "both Content-Length and Transfer-Encoding given");
            }
            return CHUNKED;
        }
        long length = contentLength(headers);
        if (length > options.maxBodyBytes()) {
            throw new HttpProblem(413, "request body too large: " + length + " bytes (limit " + options.maxBodyBytes() + ")");
        }
        return length;
    }

    /** Reads a body of the length {@link #bodyLength} gave, decoding chunked transfer coding. */
    byte[] readBody(long length) throws IOException, HttpProblem {
        return length == CHUNKED ? new ChunkedBody(input, options).read() : readExactly(input, (int) length);
    }

    private static long contentLength(Headers headers) throws HttpProblem {
        long length = -1;
        for (String value : headers.all("Content-Length")) {
            String text = value.trim();
            if (text.isEmpty() || text.length() > 18 || !allBetween(text, '0', '9')) {
                throw new HttpProblem(400, "invalid Content-Length \"" + value + "\"");
            }
            long parsed = Long.parseLong(text);
            if (length >= 0 && parsed != length) {
                throw new HttpProblem(400, "conflicting Content-Length values");
            }
            length = parsed;
        }
        return Math.max(length, 0);
    }

    static byte[] readExactly(HttpInput input, int length) throws IOException, HttpProblem {
        byte[] body = new byte[length];
        int read = 0;
        while (read < length) {
            int n = input.read(body, read, length - read);
            if (n < 0) {
                throw new HttpProblem(400, "request body ended after " + read + " of " + length + " bytes");
            }
            read += n;
        }
        return body;
    }

    /** Whether every character is in {@code [low, high]}: a loop, as it runs on every request. */
    private static boolean allBetween(String text, char low, char high) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < low || c > high) {
                return false;
            }
        }
        return true;
    }

    private static boolean isToken(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
