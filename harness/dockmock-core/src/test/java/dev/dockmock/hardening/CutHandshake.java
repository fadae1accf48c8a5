package dev.dockmock.hardening;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;

/**
 * A TLS client handshake driven by hand over a plain socket, which stops sending after a given
 * number of bytes: in the ClientHello, or in the flight that carries the client certificate and
 * Finished. What the server does next is left to the caller (half-close, vanish or stay silent).
 * With an unreachable budget it completes the handshake, and the engine can wrap records to send.
 */
final class CutHandshake {
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    private CutHandshake() {
    }

    /**
     * Handshakes on {@code socket} until {@code budget} bytes were sent, the last write cut short.
     *
     * @return true when the handshake was cut; false when it completed within the budget
     * @throws IOException when the server ended the handshake first (an alert or a close)
     */
    static boolean run(Socket socket, SSLContext tls, int budget) throws IOException {
        return run(socket, engine(tls, socket), budget);
    }

    /** A client engine for {@code socket}'s server. */
    static SSLEngine engine(SSLContext tls, Socket socket) {
        SSLEngine engine = tls.createSSLEngine("127.0.0.1", socket.getPort());
        engine.setUseClientMode(true);
        return engine;
    }

    /** As {@link #run(Socket, SSLContext, int)}, with an engine the caller keeps using afterwards. */
    static boolean run(Socket socket, SSLEngine engine, int budget) throws IOException {
        int packet = engine.getSession().getPacketBufferSize();
        ByteBuffer netOut = ByteBuffer.allocate(packet);
        ByteBuffer netIn = ByteBuffer.allocate(4 * packet);
        ByteBuffer app = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        int sent = 0;
        engine.beginHandshake();
        while (true) {
            HandshakeStatus status = engine.getHandshakeStatus();
            switch (status) {
                case NEED_WRAP -> {
                    netOut.clear();
                    engine.wrap(NOTHING, netOut);
                    netOut.flip();
                    int n = Math.min(netOut.remaining(), budget - sent);
                    out.write(netOut.array(), 0, n);
                    out.flush();
                    sent += n;
                    if (sent >= budget) {
                        return true;
                    }
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    netIn.flip();
                    SSLEngineResult result = engine.unwrap(netIn, app);
                    netIn.compact();
                    app.clear();
                    if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                        int n = in.read(netIn.array(), netIn.position(), netIn.remaining());
                        if (n < 0) {
                            throw new IOException("the server closed during the handshake");
                        }
                        netIn.position(netIn.position() + n);
                    } else if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                        throw new IOException("the server ended the handshake");
                    }
                }
                case NEED_TASK -> {
                    for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                        task.run();
                    }
                }
                default -> {
                    return false;
                }
            }
        }
    }
}
