package dev.dockmock.protocol;

/**
 * Who sent a request: the listener's host string and the peer as the transport saw it.
 *
 * @param listener the host string of the listener that accepted the connection, such as
 *     {@code unix:///tmp/dm/docker.sock} or {@code tcp://127.0.0.1:2375}
 * @param peer the remote address ({@code 127.0.0.1:53122}), or {@code "unix"} for unix sockets
 * @param secure whether the connection is TLS
 */
public record ClientInfo(String listener, String peer, boolean secure) {

    /** A client for requests made in memory, without a socket. */
    public static ClientInfo inMemory() {
        return new ClientInfo("memory", "memory", false);
    }
}
