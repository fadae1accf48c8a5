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

    /**
     * Stops accepting as a dead daemon would: a unix listener leaves its socket file behind, so
     * clients get "connection refused" rather than "no such file".
     */
    void closeKeepingFile();

    /** Whether it still accepts (neither closed nor closed keeping its file). */
    boolean open();

    /** A line for the log: where it listens and how. */
    String describe();
}
