package dev.dockmock.record;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Headers;
import dev.dockmock.protocol.ResponseBody;
import dev.dockmock.upstream.MessageSource;
import dev.dockmock.upstream.UpstreamBody;
import dev.dockmock.upstream.UpstreamClient;
import dev.dockmock.upstream.UpstreamResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A dispatcher that forwards every request to a real daemon and answers with exactly what it
 * sends: a whole body, a stream chunk by chunk as it arrives, or a hijacked connection spliced
 * both ways. A daemon that cannot be reached is answered {@code 502} with a Docker error naming it.
 */
public final class Forwarding implements Dispatcher, AutoCloseable {
    // The transport writes its own framing and date; 101's Upgrade fields are the server's too.
    private static final Set<String> TRANSPORT_FIELDS = Set.of("content-length", "transfer-encoding", "connection",
            "keep-alive", "upgrade", "date");

    private final UpstreamClient upstream;
    private final Set<AutoCloseable> open = ConcurrentHashMap.newKeySet();

    public Forwarding(UpstreamClient upstream) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
    }

    public UpstreamClient upstream() {
        return upstream;
    }

    @Override
    public ApiResponse dispatch(ApiRequest request) {
        UpstreamResponse answer;
        try {
            answer = upstream.send(request);
        } catch (IOException e) {
            return ApiResponse.error(502, "dockmock proxy: no answer from " + upstream.host() + " to " + request.method()
                    + " " + request.path() + ": " + e.getMessage());
        }
        Headers headers = headers(answer.headers());
        UpstreamBody body = answer.body();
        int status = answer.status() == 101 ? 200 : answer.status();
        if (body instanceof UpstreamBody.Bytes bytes) {
            return new ApiResponse(status, headers, new ResponseBody.Bytes(bytes.data()));
        }
        if (body instanceof UpstreamBody.Stream stream) {
            MessageSource messages = stream.messages();
            open.add(messages);
            return new ApiResponse(status, headers, new ResponseBody.Streamed(sink -> {
                // A client that leaves ends the daemon's stream too (dockerd then stops following),
                // and wakes this writer from a read that no interrupt reaches on a tcp upstream.
                sink.onHangUp(messages::close);
                try (messages) {
                    byte[] message;
                    while ((message = messages.next()) != null) {
                        sink.send(message);
                    }
                } finally {
                    open.remove(messages);
                }
            }));
        }
        if (body instanceof UpstreamBody.Raw raw) {
            open.add(raw.connection());
            return new ApiResponse(status, headers, new ResponseBody.Hijacked(client -> {
                try {
                    Splice.run(raw.connection(), client);
                } finally {
                    open.remove(raw.connection());
                }
            }));
        }
        return new ApiResponse(status, headers, ResponseBody.EMPTY);
    }

    /**
     * Ends every upstream connection still streaming or hijacked. A client that went away is only
     * noticed when the daemon next sends something; this frees those that wait for nothing, and
     * lets their interactions be recorded as cut short.
     */
    @Override
    public void close() {
        for (AutoCloseable connection : open) {
            try {
                connection.close();
            } catch (Exception ignored) {
                // closing is all that is asked
            }
        }
        open.clear();
    }

    private static Headers headers(Headers upstreamHeaders) {
        Headers.Builder kept = Headers.builder();
        for (Map.Entry<String, String> field : upstreamHeaders.fields()) {
            if (!TRANSPORT_FIELDS.contains(field.getKey().toLowerCase(Locale.ROOT))) {
                kept.add(field.getKey(), field.getValue());
            }
        }
        return kept.build();
    }
}
