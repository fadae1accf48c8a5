package dev.dockmock.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.server.ClientTls;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.testing.Await;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.RawResponse;
import dev.dockmock.testing.TestCertificates;
import dev.dockmock.testing.TestCertificates.CertDir;
import dev.dockmock.testing.TestServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the TLS fuzz ({@link TlsFuzzTest}) does not do: a second handshake on a live TLS 1.2
 * connection, sessions resumed on a new connection, clients offering ALPN {@code h2}, and requests
 * cut into TLS records of odd sizes. Each must be served, or refused as dockerd refuses it, and the
 * listener must go on serving other clients afterwards.
 */
class TlsSessionsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String PING = RawHttpClient.request("GET", "/v1.50/_ping");

    @TempDir
    static Path certRoot;

    private static Engine engine;
    private static DockMockServer server;
    private static DockerHost.Tcp host;
    private static SSLContext client;

    @BeforeAll
    static void start() throws IOException {
        TestCertificates certs = TestCertificates.generate(certRoot);
        CertDir dir = certs.client();
        client = ClientTls.context(Optional.of(dir.ca()), Optional.of(dir.cert()), Optional.of(dir.key()));
        engine = Engine.create(EngineConfig.defaults().withPorts(HostPorts.none()).withSeedImages(List.of(MixedLoad.IMAGE)));
        server = DockMockServer.builder().tls(certs.verifying()).host("tcp://127.0.0.1:0").options(TestServers.quietOptions())
                .dispatcher(engine.dispatcher()).build().start();
        host = (DockerHost.Tcp) server.boundHosts().get(0);
    }

    @AfterAll
    static void stop() {
        server.close();
        engine.close();
    }

    @Test
    void aSecondHandshakeUnderTls12KeepsTheConnectionServing() throws Exception {
        AtomicInteger handshakes = new AtomicInteger();
        try (RawHttpClient api = connect(socket -> {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.addHandshakeCompletedListener(event -> handshakes.incrementAndGet());
        })) {
            assertThat(api.tlsSocket().getSession().getProtocol()).isEqualTo("TLSv1.2");
            assertThat(api.exchange(PING).bodyText()).isEqualTo("OK");
            api.tlsSocket().startHandshake(); // a client-initiated renegotiation (RFC 5746)
            assertThat(api.exchange(PING).bodyText()).isEqualTo("OK");
            assertThat(api.exchange(PING).bodyText()).isEqualTo("OK");
        }
        // The listener runs on a thread of its own once each handshake completes.
        Await.until(Duration.ofSeconds(5), () -> handshakes.get() >= 2, "the second handshake to complete");
        assertThat(handshakes).as("handshakes completed on the connection").hasValue(2);
        assertAnotherClientIsServed();
    }

    @Test
    void aTls12SessionIsResumedOnANewConnection() throws Exception {
        Consumer<SSLSocket> tls12 = socket -> socket.setEnabledProtocols(new String[] {"TLSv1.2"});
        byte[] first;
        try (RawHttpClient api = connect(tls12)) {
            first = api.tlsSocket().getSession().getId();
            assertThat(api.exchange(PING).status()).isEqualTo(200);
        }
        try (RawHttpClient api = connect(tls12)) {
            assertThat(api.tlsSocket().getSession().getId()).as("the session id the server resumed").isEqualTo(first);
            assertThat(api.exchange(PING).bodyText()).isEqualTo("OK");
        }
    }

    @Test
    void tls13ClientsReconnectingAreServed() throws Exception {
        Consumer<SSLSocket> tls13 = socket -> socket.setEnabledProtocols(new String[] {"TLSv1.3"});
        for (int i = 0; i < 3; i++) {
            try (RawHttpClient api = connect(tls13)) {
                assertThat(api.tlsSocket().getSession().getProtocol()).isEqualTo("TLSv1.3");
                assertThat(api.exchange(PING).bodyText()).isEqualTo("OK");
            }
        }
    }

    /**
     * dockerd's listener offers {@code http/1.1} in ALPN (go-connections' {@code NewTCPSocket}),
     * and Go's server refuses a client that offers neither it nor anything else it speaks with the
     * {@code no_application_protocol} alert, as RFC 7301 asks: so does dockmock.
     */
    @Test
    void alpnOfferingOnlyH2IsRefusedAsDockerdRefusesIt() throws Exception {
        assertThatThrownBy(() -> connect(alpn("h2")).close()).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("no_application_protocol");
        try (RawHttpClient api = connect(alpn("h2", "http/1.1"))) {
            assertThat(api.tlsSocket().getApplicationProtocol()).isEqualTo("http/1.1");
            assertThat(api.exchange(PING).bodyText()).isEqualTo("OK");
            // An HTTP/2 client that goes on regardless sends the connection preface: an HTTP/1.1 refusal.
            RawResponse answer = api.exchange("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
            assertThat(answer.statusLine()).startsWith("HTTP/1.1 ");
            assertThat(answer.status()).isEqualTo(505);
        }
        assertAnotherClientIsServed();
    }

    private static Consumer<SSLSocket> alpn(String... protocols) {
        return socket -> {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setApplicationProtocols(protocols);
            socket.setSSLParameters(parameters);
        };
    }

    @Test
    void requestsCutIntoOddRecordSizesAreReassembled() throws Exception {
        String labels = "{\"Image\":\"alpine\",\"Labels\":{\"record.sizes\":\"" + "x".repeat(40_000) + "\"}}";
        String create = RawHttpClient.request("POST", "/v1.50/containers/create?name=odd-records",
                "Content-Type: application/json", "Content-Length: " + labels.length()) + labels;
        byte[] bytes = create.getBytes(StandardCharsets.ISO_8859_1);
        int[] sizes = {1, 1, 2, 3, 5, 7, 13, 100, 16_383, 16_384, 16_385, 1};
        try (RawHttpClient api = connect(socket -> { })) {
            int at = 0;
            for (int i = 0; at < bytes.length; i++) {
                int size = Math.min(sizes[i % sizes.length], bytes.length - at);
                api.send(Arrays.copyOfRange(bytes, at, at + size)); // one write, flushed: its own record(s)
                at += size;
            }
            assertThat(api.readResponse().status()).isEqualTo(201);
            for (byte b : PING.getBytes(StandardCharsets.ISO_8859_1)) {
                api.send(new byte[] {b});
            }
            assertThat(api.readResponse().bodyText()).isEqualTo("OK");
            RawResponse inspect = api.exchange(RawHttpClient.request("GET", "/v1.50/containers/odd-records/json"));
            assertThat(inspect.status()).isEqualTo(200);
            assertThat(inspect.bodyText()).contains("\"record.sizes\":\"" + "x".repeat(40_000) + "\"");
        }
    }

    private static RawHttpClient connect(Consumer<SSLSocket> configure) throws IOException {
        return RawHttpClient.connectTls(host, client, TIMEOUT, configure);
    }

    private static void assertAnotherClientIsServed() throws IOException {
        try (RawHttpClient other = RawHttpClient.connectTls(host, client, TIMEOUT)) {
            assertThat(other.exchange(PING).bodyText()).isEqualTo("OK");
        }
    }
}
