package dev.dockmock.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** What follows a response's headers. */
public sealed interface ResponseBody {

    /** No body at all (204, 304, or a response to HEAD). */
    record Empty() implements ResponseBody {
    }

    /** A body known in full, sent with {@code Content-Length}. */
    record Bytes(byte[] data) implements ResponseBody {
        public Bytes {
            Objects.requireNonNull(data, "data");
        }

        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    /** A body produced over time, sent chunked, each message flushed as it is sent. */
    record Streamed(StreamWriter writer) implements ResponseBody {
        public Streamed {
            Objects.requireNonNull(writer, "writer");
        }
    }

    /**
     * The connection taken over: {@code 101 UPGRADED} when the client asked to upgrade,
     * otherwise a {@code 200} whose body is the stream, ended by closing the connection.
     */
    record Hijacked(HijackHandler handler) implements ResponseBody {
        public Hijacked {
            Objects.requireNonNull(handler, "handler");
        }
    }

    /**
     * An answer delivered with a transport fault: the server carries out {@code fault} on
     * {@code body} (for faults that {@linkplain TransportFault#replacesAnswer replace the answer},
     * the body is not sent at all).
     */
    record Faulted(TransportFault fault, ResponseBody body) implements ResponseBody {
        public Faulted {
            Objects.requireNonNull(fault, "fault");
            Objects.requireNonNull(body, "body");
        }
    }

    ResponseBody EMPTY = new Empty();
}
