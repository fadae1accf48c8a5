package dev.dockmock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.engine.DaemonIdentity;
import dev.dockmock.engine.Daemons;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.testing.TestCertificates;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * However the server ends a TLS 1.3 connection, the client gets close_notify and no
 * user_canceled (which Go before 1.23 reports as "tls: user canceled"), and ending it never
 * waits on the client. TLS 1.3 alerts are encrypted, so {@code openssl s_client -msg} is the
 * witness.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsCloseTest {
    private static final String CLOSE_NOTIFY = "<<< TLS 1.3, Alert [length 0002], warning close_notify";

    @TempDir
    static Path dir;
    static TestCertificates certs;

    @BeforeAll
    static void certificates() {
        certs = TestCertificates.generate(dir);
    }

    private static DockMockServer start(Duration header, Duration idle) throws Exception {
        return DockMockServer.builder().tls(certs.verifying()).host("tcp://127.0.0.1:0")
                .options(ServerOptions.defaults().withTimeouts(header, idle, Duration.ofSeconds(2)).withLog(line -> { }))
                .dispatcher(Daemons.minimal(DaemonIdentity.defaults())).build().start();
    }

    /** Starts s_client, which sends {@code request}, keeps reading after its stdin ends, and prints every alert. */
    private static Process openssl(DockMockServer server, String request, Path output) throws Exception {
        assumeTrue(new File("/usr/bin/openssl").canExecute() || new File("/usr/local/bin/openssl").canExecute(),
                "openssl is not installed");
        Path input = Files.writeString(Files.createTempFile(dir, "request", ".txt"), request);
        return new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + TlsProtocolTest.port(server),
                "-tls1_3", "-cert", certs.client().cert().toString(), "-key", certs.client().key().toString(),
                "-CAfile", certs.client().ca().toString(), "-msg", "-ign_eof", "-quiet")
                .redirectInput(input.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static String finish(Process openssl, Path output) throws Exception {
        if (!openssl.waitFor(20, TimeUnit.SECONDS)) {
            openssl.destroyForcibly();
            throw new AssertionError("openssl s_client did not end:\n" + Files.readString(output));
        }
        return Files.readString(output);
    }

    @Test
    void idleKeepAliveTimeout() throws Exception {
        try (DockMockServer server = start(Duration.ofSeconds(10), Duration.ofSeconds(1))) {
            Path output = Files.createTempFile(dir, "idle", ".out");
            String shown = finish(openssl(server, "GET /_ping HTTP/1.1\r\nHost: docker\r\n\r\n", output), output);

            assertThat(shown).contains("HTTP/1.1 200 OK", CLOSE_NOTIFY).doesNotContain("user_canceled");
        }
    }

    @Test
    void requestTimeout() throws Exception {
        try (DockMockServer server = start(Duration.ofSeconds(1), Duration.ofSeconds(10))) {
            Path output = Files.createTempFile(dir, "slow", ".out");
            String shown = finish(openssl(server, "GET /_ping HTTP/1.1\r\n", output), output);

            assertThat(shown).contains("HTTP/1.1 408 Request Timeout", CLOSE_NOTIFY).doesNotContain("user_canceled");
        }
    }

    @Test
    void serverShutdownWithAnIdleClient() throws Exception {
        Path output = Files.createTempFile(dir, "shutdown", ".out");
        Process openssl;
        try (DockMockServer server = start(Duration.ofSeconds(10), Duration.ofSeconds(30))) {
            openssl = openssl(server, "GET /_ping HTTP/1.1\r\nHost: docker\r\n\r\n", output);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.readString(output).contains("\r\n\r\nOK") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        String shown = finish(openssl, output);

        assertThat(shown).contains("HTTP/1.1 200 OK", CLOSE_NOTIFY).doesNotContain("user_canceled");
    }

    @Test
    void serverShutdownWithAClientThatStoppedReading() throws Exception {
        AtomicLong sent = new AtomicLong();
        byte[] chunk = new byte[64 * 1024];
        DockMockServer server = DockMockServer.builder().tls(certs.serverOnly()).host("tcp://127.0.0.1:0")
                .options(ServerOptions.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1))
                        .withLog(line -> { }))
                .dispatcher(request -> ApiResponse.streamed(200, "application/json", sink -> {
                    while (true) {
                        sink.send(chunk);
                        sent.addAndGet(chunk.length);
                    }
                }))
                .build().start();
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new TrustingManager()}, null);
        try (Socket client = trustAll.getSocketFactory().createSocket()) {
            client.setReceiveBufferSize(4096);
            client.connect(new InetSocketAddress("127.0.0.1", TlsProtocolTest.port(server)), 5_000);
            client.getOutputStream().write("GET /logs HTTP/1.1\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            awaitStalled(sent);

            Thread closer = new Thread(server::close, "closer");
            long started = System.nanoTime();
            closer.start();
            closer.join(15_000);

            // The writer holds the TLS record lock while it waits for the client; an unbounded
            // close waited for it until the client went away.
            assertThat(closer.isAlive()).as("server.close() still waiting after 15 s").isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        } finally {
            server.close();
        }
    }

    /** Waits until the server's writes have stopped progressing: its buffers and the client's are full. */
    private static void awaitStalled(AtomicLong sent) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long last = -1;
        long since = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = sent.get();
            if (now != last) {
                last = now;
                since = System.nanoTime();
            } else if (now > 0 && System.nanoTime() - since > TimeUnit.MILLISECONDS.toNanos(500)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the server kept writing; the client's buffers never filled");
    }

    private static final class TrustingManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
