package dev.dockmock.server;

import dev.dockmock.protocol.ClientInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import javax.net.ssl.SSLSocket;

/** A tcp connection, plain or TLS. */
final class SocketTransport implements Transport {
    private final Socket socket;
    private final InputStream input;
    private final OutputStream output;
    private final ClientInfo client;

    SocketTransport(Socket socket, String listener) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.input = socket.getInputStream();
        this.output = socket.getOutputStream();
        this.client = new ClientInfo(listener, socket.getInetAddress().getHostAddress() + ":" + socket.getPort(),
                socket instanceof SSLSocket);
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void shutdownOutput() throws IOException {
        // For TLS this sends close_notify; closing outright with input open would send
        // user_canceled, which Go clients report as an error.
        if (!socket.isClosed() && !socket.isOutputShutdown()) {
            socket.shutdownOutput();
        }
    }

    @Override
    public void shutdownInput() throws IOException {
        if (socket instanceof SSLSocket) {
            // An SSLSocket cannot half-close its input without ending the session; closing it
            // is the only way to wake a blocked reader.
            close();
        } else if (!socket.isClosed() && !socket.isInputShutdown()) {
            socket.shutdownInput();
        }
    }

    @Override
    public void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        if (socket instanceof SSLSocket && !socket.isClosed() && !socket.isOutputShutdown()) {
            // Closing a TLS 1.3 socket outright sends user_canceled before close_notify; Go
            // before 1.23 reports that as "tls: user canceled". Ending output first makes every
            // close (idle and request time-outs, server shutdown) an orderly close_notify.
            // A writer blocked on a client that stopped reading holds the TLS record lock: the
            // linger bounds the wait for it (JSSE then drops close_notify and shuts the socket,
            // which frees the writer); without it close() would wait as long as the client.
            try {
                socket.setSoLinger(true, 1);
                socket.shutdownOutput();
            } catch (IOException | RuntimeException ignored) {
                // broken already: the close below is all that is left
            }
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public ClientInfo client() {
        return client;
    }
}
