package dev.dockmock.hardening;

import dev.dockmock.protocol.DockerHost;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;

/**
 * Connections that abuse a TLS listener rather than HTTP: noise or plain HTTP instead of a
 * ClientHello, a handshake cut part-way, clients with no or a foreign certificate, clients that
 * complete the handshake and then say nothing or leave at once, and a request whose encrypted
 * record was tampered with. Each connection's ending,
 * as the client sees it, goes into {@link FuzzOutcomes}; a connection left silent is parked in
 * {@link SilentConnections}, read to its end once the server's idle time-out has passed.
 */
final class TlsAbuse implements Runnable {
    /** The TLS contexts of the clients: a valid one, one without a certificate, one another CA signed. */
    record Clients(SSLContext valid, SSLContext withoutCertificate, SSLContext foreign) {
    }

    private final DockerHost.Tcp host;
    private final Clients clients;
    private final Random random;
    private final FuzzOutcomes outcomes;
    private final AtomicLong sent;
    private final long target;

    TlsAbuse(DockerHost.Tcp host, Clients clients, long seed, FuzzOutcomes outcomes, AtomicLong sent, long target) {
        this.host = host;
        this.clients = clients;
        this.random = new Random(seed);
        this.outcomes = outcomes;
        this.sent = sent;
        this.target = target;
    }

    @Override
    public void run() {
        while (sent.getAndIncrement() < target) {
            int family = random.nextInt(100);
            try {
                if (family < 15) {
                    noise();
                } else if (family < 25) {
                    plainHttp();
                } else if (family < 55) {
                    cutHandshake();
                } else if (family < 65) {
                    refusedClient("tls: no client certificate", clients.withoutCertificate());
                } else if (family < 70) {
                    refusedClient("tls: foreign client certificate", clients.foreign());
                } else if (family < 95) {
                    handshakeThenLeave(family < 73);
                } else {
                    corruptRecord();
                }
            } catch (IOException e) {
                outcomes.wrong("tls: connect", e.toString());
            }
        }
    }

    /** Random bytes, half of them behind a handshake record header, instead of a ClientHello. */
    private void noise() throws IOException {
        byte[] bytes = new byte[1 + random.nextInt(random.nextBoolean() ? 32 : 20_000)];
        random.nextBytes(bytes);
        if (random.nextBoolean() && bytes.length > 5) {
            bytes[0] = 0x16;
            bytes[1] = 0x03;
            bytes[2] = (byte) random.nextInt(5);
        }
        sendThenHalfClose("tls: noise instead of ClientHello", bytes);
    }

    /** What {@code docker -H tcp://...:2376} without {@code --tls} sends. */
    private void plainHttp() throws IOException {
        sendThenHalfClose("tls: plain HTTP", "GET /v1.50/version HTTP/1.1\r\nHost: docker\r\nUser-Agent: fuzz\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
    }

    private void sendThenHalfClose(String kind, byte[] bytes) throws IOException {
        try (Socket socket = plainSocket()) {
            try {
                socket.getOutputStream().write(bytes);
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server refused the first bytes and closed; what it said is read below
            }
            record(kind, ClientEnding.read(socket.getInputStream(), false));
        }
    }

    /** A handshake that stops sending part-way, then half-closes, vanishes, or stays silent. */
    private void cutHandshake() throws IOException {
        String kind = "tls: handshake cut";
        Socket socket = plainSocket();
        boolean cut;
        try {
            cut = CutHandshake.run(socket, clients.valid(), 1 + random.nextInt(1_500));
        } catch (IOException e) {
            socket.close();
            outcomes.record(kind, "error");
            outcomes.wrong(kind, "the server ended a handshake it was still owed bytes of: " + e);
            return;
        }
        if (!cut) {
            socket.close();
            outcomes.record(kind, "completed within the budget, then closed");
            return;
        }
        int then = random.nextInt(10);
        if (then == 0) {
            SilentConnections.park(kind + ", then silence", socket);
        } else if (then < 5) {
            socket.close();
            outcomes.record(kind + ", then gone", "closed by the client");
        } else {
            try (socket) {
                socket.shutdownOutput();
                record(kind + ", then half-closed", ClientEnding.read(socket.getInputStream(), false));
            }
        }
    }

    /** A client the server must refuse: it may never see an HTTP answer. */
    private void refusedClient(String kind, SSLContext tls) throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket();
        try (socket) {
            socket.connect(new InetSocketAddress(host.host(), host.port()), 10_000);
            socket.setSoTimeout((int) FuzzWorker.READ_TIMEOUT.toMillis());
            try {
                socket.startHandshake();
                socket.getOutputStream().write("GET /_ping HTTP/1.1\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            } catch (IOException refusedEarly) {
                record(kind, ClientEnding.refusal(refusedEarly));
                return;
            }
            record(kind, ClientEnding.read(socket.getInputStream(), true));
        }
    }

    /** A valid client that completes the handshake, then stays silent, closes at once, or drops its tcp connection. */
    private void handshakeThenLeave(boolean silent) throws IOException {
        Socket plain = plainSocket();
        SSLSocket socket = (SSLSocket) clients.valid().getSocketFactory().createSocket(plain, host.host(), host.port(), true);
        socket.startHandshake();
        if (silent) {
            SilentConnections.park("tls: handshake, then silence", socket);
        } else if (random.nextBoolean()) {
            socket.close();
            outcomes.record("tls: handshake, then close_notify", "closed by the client");
        } else {
            plain.setSoLinger(true, 0);
            plain.close();
            outcomes.record("tls: handshake, then tcp reset by the client", "reset by the client");
        }
    }

    /** A complete handshake, then a request whose encrypted record has one bit flipped, then a half-close. */
    private void corruptRecord() throws IOException {
        try (Socket socket = plainSocket()) {
            SSLEngine engine = CutHandshake.engine(clients.valid(), socket);
            CutHandshake.run(socket, engine, Integer.MAX_VALUE);
            ByteBuffer record = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.wrap(ByteBuffer.wrap("GET /_ping HTTP/1.1\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
                    record);
            byte[] bytes = Arrays.copyOf(record.array(), record.position());
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
            try {
                socket.getOutputStream().write(bytes);
                socket.shutdownOutput();
            } catch (IOException e) {
                // refused already; what the server said is read below
            }
            record("tls: a flipped bit in an encrypted request", ClientEnding.read(socket.getInputStream(), false));
        }
    }

    private Socket plainSocket() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host.host(), host.port()), 10_000);
        socket.setSoTimeout((int) FuzzWorker.READ_TIMEOUT.toMillis());
        return socket;
    }

    private void record(String kind, ClientEnding ending) {
        outcomes.record(kind, ending.outcome());
        if (!ending.acceptable()) {
            outcomes.wrong(kind, ending.outcome() + ": " + ending.detail());
        }
    }
}
