package dev.dockmock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.engine.DaemonIdentity;
import dev.dockmock.engine.Daemons;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that speaks plain HTTP to a TLS listener (the docker CLI without {@code --tls}) is
 * told so in plain HTTP, as dockerd's Go server tells it, instead of getting a TLS alert that
 * the client cannot read.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlainHttpOnTlsTest {
    private static final String GO_ANSWER = "HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n";

    @TempDir
    static Path dir;
    static TestCertificates certs;

    @TempDir
    Path home;

    @BeforeAll
    static void certificates() {
        certs = TestCertificates.generate(dir);
    }

    private static DockMockServer start() throws Exception {
        return DockMockServer.builder().tls(certs.verifying()).host("tcp://127.0.0.1:0")
                .options(ServerOptions.defaults().withLog(line -> { }))
                .dispatcher(Daemons.minimal(DaemonIdentity.defaults())).build().start();
    }

    @Test
    void dockerCliWithoutTlsIsToldToUseIt() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not on the PATH");
        try (DockMockServer server = start()) {
            DockerCli.Result result = DockerCli.withHome(home, Duration.ofSeconds(20))
                    .run("-H", server.boundHosts().get(0).toString(), "version");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stderr()).as(result.toString()).contains("Client sent an HTTP request to an HTTPS server.");
        }
    }

    @Test
    void aPlainRequestWithABodyGetsTheAnswerAndAnOrderlyClose() throws Exception {
        try (DockMockServer server = start(); Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", TlsProtocolTest.port(server)), 5_000);
            socket.setSoTimeout(10_000);
            // A body the server never reads: closing with it unread would reset the connection.
            String body = "x".repeat(200_000);
            socket.getOutputStream().write(("POST /v1.50/containers/create HTTP/1.1\r\nHost: docker\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            socket.shutdownOutput();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);

            assertThat(answer.toString(StandardCharsets.US_ASCII)).isEqualTo(GO_ANSWER);
            assertThat(server.openConnections()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void aTlsClientIsStillServedAfterwards() throws Exception {
        try (DockMockServer server = start()) {
            try (Socket plain = new Socket("127.0.0.1", TlsProtocolTest.port(server))) {
                plain.setSoTimeout(10_000);
                plain.getOutputStream().write("HEAD /_ping HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(plain.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(GO_ANSWER);
            }
            DockerCli.Result result = DockerCli.withHome(home, Duration.ofSeconds(20)).run("--tlsverify", "--tlscacert",
                    certs.client().ca().toString(), "--tlscert", certs.client().cert().toString(), "--tlskey",
                    certs.client().key().toString(), "-H", server.boundHosts().get(0).toString(), "version");
            assertThat(result.exitCode()).as(result.toString()).isZero();
        }
    }
}
