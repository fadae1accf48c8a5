package dev.dockmock.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import dev.dockmock.protocol.DockerHost;

/**
 * A client's end of a socket, read with a time-out: a tcp {@link Socket} (plain or TLS), or a unix
 * {@link SocketChannel} read and written directly (its stream adapters serialise reads and
 * writes on JDK 17). Reading and writing may happen on two threads at once.
 */
abstract class Connection implements AutoCloseable {

    abstract int read(byte[] b, int off, int len) throws IOException;

    abstract void write(byte[] b, int off, int len) throws IOException;

    abstract void shutdownOutput() throws IOException;

    @Override
    public abstract void close() throws IOException;

    /** The TLS socket under this connection, or null for a plain one. */
    SSLSocket tlsSocket() {
        return null;
    }

    static Connection open(DockerHost host, Duration timeout) throws IOException {
        if (host instanceof DockerHost.Unix unix) {
            return new Unix(unix, timeout);
        }
        DockerHost.Tcp tcp = (DockerHost.Tcp) host;
        return new Tcp(new Socket(), tcp.host(), tcp.port(), timeout);
    }

    /** A TLS connection whose handshake has completed; {@code tls} holds the client's certificate and trusted CA. */
    static Connection openTls(DockerHost.Tcp host, SSLContext tls, Duration timeout, Consumer<SSLSocket> configure)
            throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket();
        configure.accept(socket);
        Tcp connection = new Tcp(socket, host.host(), host.port(), timeout);
        try {
            socket.startHandshake();
        } catch (IOException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private static final class Tcp extends Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Tcp(Socket socket, String host, int port, Duration timeout) throws IOException {
            this.socket = socket;
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        @Override
        int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }

        @Override
        void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            out.flush();
        }

        @Override
        void shutdownOutput() throws IOException {
            socket.shutdownOutput();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        @Override
        SSLSocket tlsSocket() {
            return socket instanceof SSLSocket tls ? tls : null;
        }
    }

    private static final class Unix extends Connection {
        private final SocketChannel channel;
        private final Selector readable;
        private final Selector writable;
        private final long timeoutMillis;

        Unix(DockerHost.Unix host, Duration timeout) throws IOException {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(host.path()));
            channel.configureBlocking(false);
            readable = Selector.open();
            writable = Selector.open();
            channel.register(readable, SelectionKey.OP_READ);
            channel.register(writable, SelectionKey.OP_WRITE);
            timeoutMillis = timeout.toMillis();
        }

        @Override
        int read(byte[] b, int off, int len) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            long end = System.currentTimeMillis() + timeoutMillis;
            while (true) {
                int n = channel.read(buffer);
                if (n != 0 || len == 0) {
                    return n;
                }
                awaitReady(readable, end);
            }
        }

        @Override
        void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            long end = System.currentTimeMillis() + timeoutMillis;
            while (buffer.hasRemaining()) {
                if (channel.write(buffer) == 0) {
                    awaitReady(writable, end);
                }
            }
        }

        private static void awaitReady(Selector selector, long end) throws IOException {
            long left = end - System.currentTimeMillis();
            if (left <= 0 || selector.select(left) == 0 && System.currentTimeMillis() >= end) {
                throw new SocketTimeoutException("unix socket timed out");
            }
            selector.selectedKeys().clear();
        }

        @Override
        void shutdownOutput() throws IOException {
            channel.shutdownOutput();
        }

        @Override
        public void close() throws IOException {
            try {
                readable.close();
                writable.close();
            } finally {
                channel.close();
            }
        }
    }
}
