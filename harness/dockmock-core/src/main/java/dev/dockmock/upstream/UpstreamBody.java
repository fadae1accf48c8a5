package dev.dockmock.upstream;

import java.util.Objects;

/** How the daemon's answer continues after its head. Close it when done to free the connection. */
public sealed interface UpstreamBody extends AutoCloseable {

    /** No body: a {@code HEAD} answer, {@code 204} or {@code 304}. */
    record Empty() implements UpstreamBody {
    }

    /** A body with a {@code Content-Length}, read in full. */
    record Bytes(byte[] data) implements UpstreamBody {
        public Bytes {
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * A body that arrives over time.
     *
     * @param chunked true for {@code Transfer-Encoding: chunked} (one message per chunk), false
     *     for a body that ends when the daemon closes the connection
     * @param messages the body, message by message
     */
    record Stream(boolean chunked, MessageSource messages) implements UpstreamBody {
        public Stream {
            Objects.requireNonNull(messages, "messages");
        }
    }

    /** The connection itself, both directions, after the daemon took it over. */
    record Raw(RawConnection connection) implements UpstreamBody {
        public Raw {
            Objects.requireNonNull(connection, "connection");
        }
    }

    @Override
    default void close() {
        if (this instanceof Stream stream) {
            stream.messages().close();
        } else if (this instanceof Raw raw) {
            raw.connection().close();
        }
    }
}
