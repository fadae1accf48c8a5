package dev.dockmock.server;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ResponseBody;
import java.io.IOException;
import java.util.Arrays;

/**
 * Writes one {@link ApiResponse} in the framing its request allows: {@code Content-Length},
 * chunked (or, for HTTP/1.0, raw until close), or a hijack of the connection.
 */
final class ResponseSender {
    private final HttpConnection connection;
    private final Transport transport;
    private final ResponseWriter writer;
    private final HttpInput input;
    private final ServerContext server;

    ResponseSender(HttpConnection connection, Transport transport, ResponseWriter writer, HttpInput input,
            ServerContext server) {
        this.connection = connection;
        this.transport = transport;
        this.writer = writer;
        this.input = input;
        this.server = server;
    }

    /** Writes the answer; false when the connection cannot carry another request. */
    boolean send(RequestHead head, ApiRequest request, ApiResponse response, boolean keepAlive) throws IOException {
        // An HTTP/1.0 client assumes the server closes after each answer unless told otherwise.
        String connectionField = !keepAlive ? "close" : head.http11() ? null : "keep-alive";
        boolean toHead = head.method().equals("HEAD");
        ResponseBody body = response.body();
        int status = response.status();
        if (body instanceof ResponseBody.Faulted faulted) {
            return new FaultedSend(connection, transport, writer, input, server).send(head, request, response, faulted, keepAlive);
        }
        if (body instanceof ResponseBody.Hijacked hijacked) {
            new HijackRun(connection, transport, writer, input).run(request, response, hijacked.handler());
            return false;
        }
        if (body instanceof ResponseBody.Streamed streamed) {
            if (!toHead) {
                return stream(head.http11(), response, streamed, connectionField);
            }
            // The head GET would get: a stream has no length, so "Content-Length: 0" would be a lie.
            writer.head(status, response.headers(), head.http11() ? framing(connectionField, "Transfer-Encoding", "chunked")
                    : framing(connectionField));
            writer.flush();
            return true;
        }
        if (body instanceof ResponseBody.Bytes bytes) {
            String[] framing = framing(connectionField, "Content-Length", String.valueOf(bytes.data().length));
            if (toHead) {
                writer.head(status, response.headers(), framing);
            } else {
                writer.headAndBody(status, response.headers(), bytes.data(), framing);
            }
        } else if (status < 200 || status == 204 || status == 304) {
            writer.head(status, response.headers(), framing(connectionField));
        } else {
            writer.head(status, response.headers(), framing(connectionField, "Content-Length", "0"));
        }
        writer.flush();
        return true;
    }

    /**
     * Sends a streamed body: headers at once (docker run waits for them on {@code /wait}), then one
     * chunk per message. When the server closes, the body is ended with its last chunk, so clients
     * see the stream end instead of a broken body.
     */
    private boolean stream(boolean chunked, ApiResponse response, ResponseBody.Streamed streamed, String connectionField)
            throws IOException {
        String[] framing = chunked ? framing(connectionField, "Transfer-Encoding", "chunked") : framing("close");
        writer.head(response.status(), response.headers(), framing);
        writer.flush();
        if (!connection.markStreaming()) {
            return false;
        }
        ChunkedSink sink = new ChunkedSink(writer, server, chunked);
        connection.watchForHangUp(sink);
        boolean ended;
        try {
            streamed.writer().writeTo(sink);
            ended = true;
        } catch (InterruptedException e) {
            ended = true; // a hang-up (the sink is broken then, so end() below fails) or server shutdown
        } catch (IOException e) {
            ended = server.closing(); // the writer stopped because send refused: the server is closing
        } catch (RuntimeException e) {
            server.options().log().accept("stream failed: " + e);
            ended = false;
        }
        // A pending interrupt would close a unix channel on the next write.
        Thread.interrupted();
        if (!ended || !sink.end()) {
            return false;
        }
        return chunked && connection.endStreaming();
    }

    static String[] framing(String connectionField, String... fields) {
        if (connectionField == null) {
            return fields;
        }
        String[] all = Arrays.copyOf(fields, fields.length + 2);
        all[fields.length] = "Connection";
        all[fields.length + 1] = connectionField;
        return all;
    }
}
