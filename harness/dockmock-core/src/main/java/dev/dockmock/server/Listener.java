package dev.dockmock.server;

import dev.dockmock.protocol.DockerHost;
import java.io.IOException;

/** A bound listening socket for one host string. Only this package touches sockets. */
sealed interface Listener permits TcpListener, UnixListener {

    /** Where the listener really is (an ephemeral port resolved). */
    DockerHost bound();

    /** Waits for the next connection; throws once the listener is closed. */
    Transport accept() throws IOException;

    /** Stops accepting; a unix listener also removes the socket file it created. */
    void close();

    /** A line for the log: where it listens and how. */
    String describe();
}
