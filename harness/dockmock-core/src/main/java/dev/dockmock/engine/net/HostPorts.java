package dev.dockmock.engine.net;

import dev.dockmock.engine.process.PortAnswer;
import java.io.IOException;
import java.util.Optional;

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

    /**
     * Opens {@code port} on the loopback {@code address} alone, for a swarm's routing mesh: each
     * connection is answered as {@code route} says when it is accepted. Ports that are never
     * opened (the default) answer nothing.
     *
     * @throws IOException when the port is taken on that address
     * @throws IllegalArgumentException when {@code address} is no loopback address
     */
    default OpenPort openRouted(String address, int port, Route route) throws IOException {
        return unopened(port);
    }

    /** Whether {@code port} is free on 127.0.0.1 now (a routing mesh picks its ports from a range); true when nothing is ever opened. */
    default boolean free(int port) {
        return true;
    }

    /** What answers the next connection to a routed port; empty: the connection is closed at once. */
    @FunctionalInterface
    interface Route {
        Optional<PortAnswer> next();
    }

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
            return unopened(requested > 0 ? requested : next.getAndIncrement());
        };
    }

    /** A port that was never opened: nothing to close. */
    private static OpenPort unopened(int port) {
        return new OpenPort() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public void close() {
            }
        };
    }
}
