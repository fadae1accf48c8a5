package dev.dockmock.replay;

import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Headers;
import dev.dockmock.protocol.ResponseBody;
import dev.dockmock.session.RecordedBody;
import dev.dockmock.session.RecordedResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns a recorded answer back into a live one, paced as the options say. */
final class Responses {
    // The transport writes framing and a fresh Date; a recorded Date would be stale.
    private static final Set<String> TRANSPORT_FIELDS = Set.of("content-length", "transfer-encoding", "connection",
            "keep-alive", "upgrade", "date");

    private static final long HOLD_POLL_MILLIS = 50;

    private final Pacer pacer;
    private final long stdinTimeoutNanos;

    Responses(Pacer pacer, long stdinTimeoutNanos) {
        this.pacer = pacer;
        this.stdinTimeoutNanos = stdinTimeoutNanos;
    }

    ApiResponse replay(RecordedResponse recorded, long originNanos) {
        try {
            pacer.await(originNanos, recorded.latency());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Headers headers = headers(recorded.headers());
        RecordedBody body = recorded.body();
        if (body instanceof RecordedBody.Full full) {
            return new ApiResponse(recorded.status(), headers, new ResponseBody.Bytes(full.data()));
        }
        if (body instanceof RecordedBody.Stream stream) {
            return new ApiResponse(recorded.status(), headers, new ResponseBody.Streamed(sink -> {
                for (RecordedBody.Chunk chunk : stream.chunks()) {
                    pacer.await(originNanos, chunk.at());
                    sink.send(chunk.data());
                }
                if (!stream.complete()) {
                    // The recorded client left before the server ended this stream (docker run -d
                    // abandons its wait): ending it now would show the client an early end of file.
                    while (sink.isOpen()) {
                        Thread.sleep(HOLD_POLL_MILLIS);
                    }
                }
            }));
        }
        if (body instanceof RecordedBody.Conversation conversation) {
            // The server answers 101 or 200 by what this client asks for, as dockerd does.
            int status = recorded.status() == 101 ? 200 : recorded.status();
            ConversationPlayer player = new ConversationPlayer(conversation.events(), pacer, originNanos, stdinTimeoutNanos);
            return new ApiResponse(status, headers, new ResponseBody.Hijacked(player::play));
        }
        return new ApiResponse(recorded.status(), headers, ResponseBody.EMPTY);
    }

    private static Headers headers(Headers recorded) {
        Headers.Builder kept = Headers.builder();
        for (Map.Entry<String, String> field : recorded.fields()) {
            if (!TRANSPORT_FIELDS.contains(field.getKey().toLowerCase(Locale.ROOT))) {
                kept.add(field.getKey(), field.getValue());
            }
        }
        return kept.build();
    }
}
