package dev.dockmock.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** One connection to the upstream daemon, whatever carries it. */
interface Wire {

    InputStream input();

    OutputStream output();

    /** Ends the stream towards the daemon (FIN or TLS close_notify); reading goes on. */
    void shutdownOutput() throws IOException;

    /** Closes both directions. Safe to call more than once, from any thread. */
    void close();
}
