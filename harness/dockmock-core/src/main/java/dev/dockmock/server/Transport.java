package dev.dockmock.server;

import dev.dockmock.protocol.ClientInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** One accepted connection, whatever carries it: tcp, TLS or a unix socket. */
interface Transport {

    InputStream input();

    OutputStream output();

    /** Ends the stream towards the peer (FIN, or TLS close_notify) and keeps reading possible. */
    void shutdownOutput() throws IOException;

    /** Makes blocked and later reads see end of stream. */
    void shutdownInput() throws IOException;

    /** Resets the connection (TCP RST where the transport has one); a transport fault. */
    void reset();

    /** Closes both directions at once. Safe to call more than once, from any thread. */
    void close();

    ClientInfo client();
}
