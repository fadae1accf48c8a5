package dev.dockmock.engine.process;

import java.nio.charset.StandardCharsets;

/** What a client connecting to a container's published port gets. */
public sealed interface PortAnswer {

    /** The connection is accepted and held open until the client or the container ends it. */
    record Accept() implements PortAnswer {
    }

    /**
     * These bytes are written on connect; with {@code afterRequest}, once the client has sent
     * something (an HTTP response waits for its request), and then the connection is closed.
     */
    record Banner(String text, boolean afterRequest) implements PortAnswer {
        public byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * Testcontainers' Ryuk: answers {@code ACK\n} to every line of label filters it is sent, and
     * keeps the connection open.
     */
    record Ryuk() implements PortAnswer {
    }
}
