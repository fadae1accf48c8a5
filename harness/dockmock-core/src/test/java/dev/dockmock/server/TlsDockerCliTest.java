package dev.dockmock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.engine.DaemonIdentity;
import dev.dockmock.engine.Daemons;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.TestCertificates;
import dev.dockmock.testing.TestCertificates.CertDir;
import dev.dockmock.testing.TestCertificates.KeyFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real docker CLI against a TLS listener, as it would talk to dockerd with --tlsverify. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsDockerCliTest {
    // The server section only: the client section has "API version" too, but never the minimum.
    private static final String SERVER_API = "API version:      1.50 (minimum version 1.24)";

    @TempDir
    static Path certRoot;
    static TestCertificates certs;

    @TempDir
    Path home;
    DockerCli docker;

    @BeforeAll
    static void certificates() {
        assumeTrue(DockerCli.available(), "the docker CLI is not on the PATH");
        certs = TestCertificates.generate(certRoot);
    }

    @BeforeEach
    void cli() {
        docker = DockerCli.withHome(home, Duration.ofSeconds(20));
    }

    private DockMockServer start(TlsSettings tls) throws Exception {
        return DockMockServer.builder()
                .tls(tls)
                .host("tcp://127.0.0.1:0")
                .options(ServerOptions.defaults().withLog(line -> { }))
                .dispatcher(Daemons.minimal(DaemonIdentity.defaults()))
                .build()
                .start();
    }

    private DockerCli.Result version(DockMockServer server, CertDir client, String... tlsFlags) throws Exception {
        return version(server.boundHosts().get(0).toString(), client, tlsFlags);
    }

    private DockerCli.Result version(String host, CertDir client, String... tlsFlags) throws Exception {
        List<String> args = new ArrayList<>(List.of(tlsFlags));
        args.addAll(List.of("--tlscacert", client.ca().toString()));
        if (Files.exists(client.cert())) {
            args.addAll(List.of("--tlscert", client.cert().toString(), "--tlskey", client.key().toString()));
        }
        args.addAll(List.of("-H", host, "version"));
        return docker.run(args.toArray(new String[0]));
    }

    @Test
    void verifiedClientSeesTheServer() throws Exception {
        try (DockMockServer server = start(certs.verifying())) {
            DockerCli.Result result = version(server, certs.client(), "--tlsverify");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("Server: dockmock", SERVER_API);
            assertThat(result.stderr()).as(result.toString()).isEmpty();
        }
    }

    @Test
    void serverNameLocalhostIsCertified() throws Exception {
        try (DockMockServer server = start(certs.verifying())) {
            String host = server.boundHosts().get(0).toString().replace("127.0.0.1", "localhost");
            DockerCli.Result result = version(host, certs.client(), "--tlsverify");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains(SERVER_API);
        }
    }

    @Test
    void clientWithoutCertificateIsRefused() throws Exception {
        try (DockMockServer server = start(certs.verifying())) {
            DockerCli.Result result = version(server, certs.caOnly(), "--tlsverify");

            assertRefusedDuringHandshake(result, "bad certificate", "certificate required");
        }
    }

    @Test
    void clientSignedByAnotherCaIsRefused() throws Exception {
        try (DockMockServer server = start(certs.verifying())) {
            DockerCli.Result result = version(server, certs.foreignClient(), "--tlsverify");

            // Where the JDK names its accepted CAs in the CertificateRequest (JDK 25 does), Go
            // withholds a certificate no named CA issued, and the refusal is certificate_required.
            assertRefusedDuringHandshake(result, "bad certificate", "unknown certificate authority", "certificate required");
        }
    }

    @Test
    void expiredClientIsRefused() throws Exception {
        try (DockMockServer server = start(certs.verifying())) {
            DockerCli.Result result = version(server, certs.expiredClient(), "--tlsverify");

            assertRefusedDuringHandshake(result, "unknown certificate", "expired certificate", "bad certificate");
        }
    }

    /**
     * The CLI printed its own section, then the alert the server sent during the handshake, and
     * never the server section. Which alert depends on the JDK (for a missing certificate 17
     * says bad_certificate and 25 certificate_required), so any of {@code alerts} will do.
     */
    private static void assertRefusedDuringHandshake(DockerCli.Result result, String... alerts) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout()).as(result.toString()).contains("Client:").doesNotContain("Server:", SERVER_API);
        assertThat(result.stderr()).as(result.toString())
                .containsAnyOf(Arrays.stream(alerts).map(a -> "remote error: tls: " + a).toArray(String[]::new));
    }

    @Test
    void tlsWithoutClientVerification() throws Exception {
        try (DockMockServer server = start(certs.serverOnly())) {
            // --tls skips verifying the server, yet the CLI still insists on reading a CA file.
            DockerCli.Result result = version(server, certs.caOnly(), "--tls");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains(SERVER_API);
            assertThat(result.stderr()).as(result.toString()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(KeyFormat.class)
    void everyKeyFormatServes(KeyFormat format) throws Exception {
        try (DockMockServer server = start(certs.verifying(format))) {
            DockerCli.Result result = version(server, certs.client(), "--tlsverify");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains(SERVER_API);
            assertThat(result.stderr()).as(result.toString()).isEmpty();
        }
    }
}
