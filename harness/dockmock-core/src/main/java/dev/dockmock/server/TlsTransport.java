package dev.dockmock.server;

import dev.dockmock.protocol.ClientInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;

/**
 * A TLS connection that starts as the plain socket it was accepted on. On the connection's own
 * thread, at the first read or write, it looks at the client's first five bytes: a TLS client
 * gets its handshake (with those bytes handed to it), a plain HTTP request gets dockerd's answer,
 * {@code 400 Client sent an HTTP request to an HTTPS server.}, in plain HTTP. The docker CLI shows
 * that answer; a TLS alert it could only show as a malformed response.
 */
final class TlsTransport implements Transport {
    /**
     * PENDING until the first bytes are seen; TLS while the handshake and session last; OVER once
     * a plain HTTP client was answered or the TLS layer failed (a refused certificate, a cut
     * handshake): then reads drain the plain socket, so the close that follows resets nothing.
     */
    private enum Mode { PENDING, TLS, OVER }

    private final Socket plain;
    private final SSLSocketFactory factory;
    private final boolean verifyClients;
    private final String listener;
    private final ClientInfo client;
    // A lock, not synchronized: the wait for the first bytes must not pin a virtual thread's carrier.
    private final ReentrantLock upgrading = new ReentrantLock();
    private volatile Mode mode = Mode.PENDING;
    private volatile SocketTransport tls;

    TlsTransport(Socket plain, SSLSocketFactory factory, boolean verifyClients, String listener) throws IOException {
        this.plain = plain;
        this.factory = factory;
        this.verifyClients = verifyClients;
        this.listener = listener;
        plain.setTcpNoDelay(true);
        this.client = new ClientInfo(listener, plain.getInetAddress().getHostAddress() + ":" + plain.getPort(), true);
    }

    /**
     * The mode, deciding it first when still pending. Reading the first bytes blocks only the
     * connection's thread; {@link #close()} takes no lock, so the reaper can always end the wait.
     *
     * @throws IOException once, when the client turned out to speak plain HTTP and was answered
     */
    private Mode mode() throws IOException {
        if (mode != Mode.PENDING) {
            return mode;
        }
        upgrading.lock();
        try {
            if (mode != Mode.PENDING) {
                return mode;
            }
            byte[] header = new byte[TlsFirstBytes.HEADER];
            int read = plain.getInputStream().readNBytes(header, 0, TlsFirstBytes.HEADER);
            if (TlsFirstBytes.isPlainHttp(header, read)) {
                TlsFirstBytes.answerPlainHttp(plain);
                mode = Mode.OVER;
                throw new IOException("plain HTTP on a TLS listener");
            }
            tls = new SocketTransport(TlsFirstBytes.serverSocket(factory, plain, header, read, verifyClients), listener);
            mode = Mode.TLS;
            return mode;
        } finally {
            upgrading.unlock();
        }
    }

    private final InputStream input = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (mode() != Mode.TLS) {
                return plain.getInputStream().read(b, off, len);
            }
            try {
                return tls.input().read(b, off, len);
            } catch (SSLException e) {
                mode = Mode.OVER;
                throw e;
            }
        }
    };

    private final OutputStream output = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (mode() != Mode.TLS) {
                throw new IOException("the TLS connection is over");
            }
            try {
                tls.output().write(b, off, len);
            } catch (SSLException e) {
                mode = Mode.OVER;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            // Nothing to flush once TLS is over: the connection still half-closes and drains.
            if (mode() == Mode.TLS) {
                tls.output().flush();
            }
        }
    };

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
        if (mode == Mode.TLS) {
            tls.shutdownOutput(); // close_notify
        }
        if (!plain.isClosed() && !plain.isOutputShutdown()) {
            plain.shutdownOutput();
        }
    }

    @Override
    public void shutdownInput() throws IOException {
        if (mode != Mode.OVER) {
            // TLS cannot half-close its input (see SocketTransport), and the plain socket under it
            // must close too to wake a blocked reader; nor can the wait for the first bytes.
            close();
        } else if (!plain.isClosed() && !plain.isInputShutdown()) {
            plain.shutdownInput();
        }
    }

    @Override
    public void reset() {
        SocketTransport upgraded = tls;
        if (upgraded != null) {
            upgraded.reset();
        }
        try {
            plain.setSoLinger(true, 0);
            plain.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        SocketTransport upgraded = tls;
        if (upgraded != null) {
            upgraded.close();
        }
        try {
            plain.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public ClientInfo client() {
        return client;
    }
}
