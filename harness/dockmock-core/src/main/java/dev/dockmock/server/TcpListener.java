package dev.dockmock.server;

import dev.dockmock.protocol.DockerHost;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/** A tcp listener, plain or TLS. */
final class TcpListener implements Listener {
    private static final int BACKLOG = 1024;

    private final ServerSocket socket;
    private final DockerHost.Tcp bound;
    private final SSLSocketFactory tls;
    private final boolean verifyClients;

    private TcpListener(ServerSocket socket, DockerHost.Tcp bound, SSLSocketFactory tls, boolean verifyClients) {
        this.socket = socket;
        this.bound = bound;
        this.tls = tls;
        this.verifyClients = verifyClients;
    }

    /**
     * Binds {@code host}; with a TLS context, clients must speak TLS 1.2 or newer, are offered
     * {@code http/1.1} in ALPN, and must present a certificate when {@code verifyClients}
     * ({@link TlsTransport} sets this on each connection).
     */
    static TcpListener bind(DockerHost.Tcp host, SSLContext tls, boolean verifyClients) throws IOException {
        InetAddress address;
        try {
            address = InetAddress.getByName(host.host());
        } catch (UnknownHostException e) {
            throw new IOException("cannot listen on " + host + ": unknown host \"" + host.host() + "\"", e);
        }
        // A plain socket even for TLS: each connection looks at its first bytes before its
        // handshake, so a plain HTTP client can be told so in plain HTTP (see TlsTransport).
        ServerSocket server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(address, host.port()), BACKLOG);
        } catch (BindException e) {
            server.close();
            throw new IOException("cannot listen on " + host + ": " + e.getMessage()
                    + ": is Docker or another dockmock already running on this machine? Try using a different port"
                    + " (port 0 picks a free one, as in " + host.withPort(0) + ")", e);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw new IOException("cannot listen on " + host + ": " + e.getMessage(), e);
        }
        return new TcpListener(server, host.withPort(server.getLocalPort()), tls == null ? null : tls.getSocketFactory(),
                verifyClients);
    }

    @Override
    public DockerHost bound() {
        return bound;
    }

    @Override
    public Transport accept() throws IOException {
        Socket client = socket.accept();
        try {
            return tls == null ? new SocketTransport(client, bound.toString())
                    : new TlsTransport(client, tls, verifyClients, bound.toString());
        } catch (IOException e) {
            client.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a closed listener
        }
    }

    @Override
    public void closeKeepingFile() {
        close();
    }

    @Override
    public boolean open() {
        return !socket.isClosed();
    }

    @Override
    public String describe() {
        String mode = tls == null ? "plain tcp" : verifyClients ? "TLS, client certificates required" : "TLS";
        return "listening on " + bound + " (" + mode + ")";
    }
}
