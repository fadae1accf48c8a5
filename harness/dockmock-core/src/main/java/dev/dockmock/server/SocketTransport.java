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
    public void close() {
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
