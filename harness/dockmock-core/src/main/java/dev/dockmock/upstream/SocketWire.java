package dev.dockmock.upstream;

import dev.dockmock.protocol.DockerHost;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** A tcp connection, plain or TLS, with {@code TCP_NODELAY} so small requests are not held back. */
final class SocketWire implements Wire {
    private final Socket socket;
    private final InputStream input;
    private final OutputStream output;

    private SocketWire(Socket socket) throws IOException {
        this.socket = socket;
        this.input = socket.getInputStream();
        this.output = socket.getOutputStream();
    }

    static SocketWire connect(DockerHost.Tcp host, SSLContext tls, boolean verifyName, Duration timeout)
            throws IOException {
        Socket plain = new Socket();
        try {
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(host.host(), host.port()), (int) timeout.toMillis());
            if (tls == null) {
                return new SocketWire(plain);
            }
            SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain, host.host(), host.port(), true);
            SSLParameters params = ssl.getSSLParameters();
            params.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            params.setApplicationProtocols(new String[] {"http/1.1"});
            if (verifyName) {
                params.setEndpointIdentificationAlgorithm("HTTPS");
            }
            if (!host.host().contains(":") && !host.host().matches("[0-9.]+")) {
                params.setServerNames(java.util.List.of(new SNIHostName(host.host())));
            }
            ssl.setSSLParameters(params);
            ssl.setSoTimeout((int) timeout.toMillis());
            ssl.startHandshake();
            ssl.setSoTimeout(0);
            return new SocketWire(ssl);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw new IOException("cannot connect to " + host + ": " + e.getMessage(), e);
        }
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
        if (!socket.isClosed() && !socket.isOutputShutdown()) {
            socket.shutdownOutput();
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
}
