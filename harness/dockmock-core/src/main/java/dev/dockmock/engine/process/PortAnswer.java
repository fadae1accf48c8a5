package dev.dockmock.engine.process;

import java.nio.charset.StandardCharsets;

/** What a client connecting to a container's published port gets. */
public sealed interface PortAnswer {

    /** The connection is accepted and held open until the client or the container ends it. */
    record Accept() implements PortAnswer {
    }

    /** In a banner's text, stands for the host name of the container answering (as a whoami page shows it). */
    String HOSTNAME = "{{.Hostname}}";

    /** This answer as the container with {@code hostname} gives it: {@link #HOSTNAME} in a banner replaced. */
    default PortAnswer forHost(String hostname) {
        return this;
    }

    /**
     * These bytes are written on connect; with {@code afterRequest}, once the client has sent
     * something (an HTTP response waits for its request), and then the connection is closed.
     */
    record Banner(String text, boolean afterRequest) implements PortAnswer {
        public byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public PortAnswer forHost(String hostname) {
            return text.contains(HOSTNAME) ? new Banner(text.replace(HOSTNAME, hostname), afterRequest) : this;
        }
    }

    /**
     * Testcontainers' Ryuk: answers {@code ACK\n} to every line of label filters it is sent, and
     * keeps the connection open.
     */
    record Ryuk() implements PortAnswer {
    }
}
