package dev.dockmock.session;

import java.util.List;
import java.util.Objects;

/** What followed a recorded answer's head. */
public sealed interface RecordedBody {

    /** No body. */
    record Empty() implements RecordedBody {
    }

    /** A body sent in one piece. */
    record Full(byte[] data) implements RecordedBody {
        public Full {
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * A streamed (chunked) body, message by message.
     *
     * @param chunks the messages, each with its offset from the request's arrival
     * @param complete false when the stream was cut short (the client went away, or recording
     *     stopped) rather than ended by the server
     */
    record Stream(List<Chunk> chunks, boolean complete) implements RecordedBody {
        public Stream {
            chunks = List.copyOf(chunks);
        }
    }

    /**
     * A hijacked connection: both directions in the order they happened.
     *
     * @param upgraded true when the client asked to upgrade and saw {@code 101 UPGRADED}
     * @param events what each side sent and when each side half-closed
     */
    record Conversation(boolean upgraded, List<HijackEvent> events) implements RecordedBody {
        public Conversation {
            events = List.copyOf(events);
        }
    }

    /** One message of a stream, {@code at} milliseconds after the request arrived. */
    record Chunk(long at, byte[] data) {
        public Chunk {
            Objects.requireNonNull(data, "data");
        }
    }

    RecordedBody EMPTY = new Empty();
}
