package dev.dockmock.engine.net;

import dev.dockmock.engine.process.PortAnswer;
import java.io.IOException;

/**
 * Real loopback ports that stand in for a container's published ports, so that clients which
 * connect to them (Testcontainers' wait strategies, Ryuk) find something listening.
 */
public interface HostPorts {

    /**
     * Opens a port on 127.0.0.1.
     *
     * @param requested the host port asked for, or 0 for any free one
     * @param answer what a connecting client gets
     * @return the open port
     * @throws IOException when the requested port is taken
     */
    OpenPort open(int requested, PortAnswer answer) throws IOException;

    /** An open port; closing it also ends the connections it accepted. */
    interface OpenPort extends AutoCloseable {
        int port();

        @Override
        void close();
    }

    /** Ports that are never opened: for in-memory engines and tests that need no sockets. */
    static HostPorts none() {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger(32768);
        return (requested, answer) -> {
            int port = requested > 0 ? requested : next.getAndIncrement();
            return new OpenPort() {
                @Override
                public int port() {
                    return port;
                }

                @Override
                public void close() {
                }
            };
        };
    }
}
