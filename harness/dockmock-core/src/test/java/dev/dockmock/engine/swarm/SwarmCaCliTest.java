package dev.dockmock.engine.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.protocol.Json;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.DockerCli.Result;
import dev.dockmock.testing.EngineServer;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker swarm ca} (docker CLI 28) on one engine: it prints the swarm's own self-signed
 * root certificate, which {@code TLSInfo} describes consistently on the swarm and on the node, and
 * {@code --rotate} replaces it (and the join tokens that carry its digest).
 */
@Timeout(120)
class SwarmCaCliTest {
    private static final String PEM = "(?s)-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+\n-----END CERTIFICATE-----\n";

    @TempDir
    Path home;
    private EngineServer server;
    private DockerCli docker;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is not installed");
        server = EngineServer.start(EngineConfig.defaults());
        docker = server.cli(home);
        docker.ok("swarm", "init", "--advertise-addr", "127.0.0.1");
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static X509Certificate parse(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private JsonNode json(String... args) throws Exception {
        return Json.mapper().readTree(docker.ok(args).stdout());
    }

    /** The CA part of a join token: the SHA-256 of the root's PEM in base 36, as swarmkit writes it. */
    private static String digest(String pem) throws Exception {
        String base36 = new BigInteger(1, MessageDigest.getInstance("SHA-256").digest(pem.getBytes(StandardCharsets.US_ASCII)))
                .toString(36);
        return "0".repeat(50 - base36.length()) + base36;
    }

    @Test
    void caPrintsASelfSignedRootThatTlsInfoDescribes() throws Exception {
        String pem = docker.ok("swarm", "ca").stdout();
        assertThat(docker.ok("swarm", "join-token", "-q", "manager").stdout().split("-")[2]).isEqualTo(digest(pem));
        assertThat(pem).matches(PEM);
        X509Certificate cert = parse(pem);
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=swarm-ca");
        assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
        cert.verify(cert.getPublicKey());   // self-signed
        assertThat(cert.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");

        JsonNode tls = json("info", "--format", "{{json .Swarm.Cluster.TLSInfo}}");
        assertThat(tls.path("TrustRoot").asText()).isEqualTo(pem);
        assertThat(Base64.getDecoder().decode(tls.path("CertIssuerSubject").asText()))
                .isEqualTo(cert.getSubjectX500Principal().getEncoded());
        assertThat(Base64.getDecoder().decode(tls.path("CertIssuerPublicKey").asText())).isEqualTo(cert.getPublicKey().getEncoded());
        assertThat(json("node", "inspect", "self", "--format", "{{json .Description.TLSInfo}}")).isEqualTo(tls);
    }

    @Test
    void rotateMakesANewRootAndNewJoinTokens() throws Exception {
        String before = docker.ok("swarm", "ca").stdout();
        String token = docker.ok("swarm", "join-token", "-q", "worker").stdout();

        Result rotate = docker.ok("swarm", "ca", "--rotate");
        assertThat(rotate.stdout()).contains("rotated TLS certificates").contains("rotated CA certificates");
        String after = rotate.stdout().substring(rotate.stdout().indexOf("-----BEGIN CERTIFICATE-----"));
        assertThat(after).matches(PEM).isNotEqualTo(before);
        assertThat(docker.ok("swarm", "ca").stdout()).isEqualTo(after);
        assertThat(parse(after).getPublicKey()).isNotEqualTo(parse(before).getPublicKey());
        assertThat(json("node", "inspect", "self", "--format", "{{json .Description.TLSInfo.TrustRoot}}").asText()).isEqualTo(after);
        String newToken = docker.ok("swarm", "join-token", "-q", "worker").stdout();
        assertThat(newToken).startsWith("SWMTKN-1-").isNotEqualTo(token);
        assertThat(newToken.split("-")[2]).isEqualTo(digest(after)).isNotEqualTo(token.split("-")[2]);

        Result detached = docker.ok("swarm", "ca", "--rotate", "--detach");
        assertThat(detached.stdout()).isEmpty();
        assertThat(docker.ok("swarm", "ca").stdout()).matches(PEM).isNotEqualTo(after);
        assertThat(docker.ok("info", "--format", "{{.Swarm.Cluster.Spec.CAConfig.ForceRotate}}").stdout()).isEqualTo("2\n");
    }

    @Test
    void aGivenCaCertificateIsNotTakenAndANewSwarmHasANewRoot() throws Exception {
        String first = docker.ok("swarm", "ca").stdout();
        Path cert = home.resolve("ca.pem");
        Path key = home.resolve("ca-key.pem");
        Files.writeString(cert, first);
        Files.writeString(key, "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");
        Result given = docker.run("swarm", "ca", "--rotate", "--ca-cert", cert.toString(), "--ca-key", key.toString());
        assertThat(given.exitCode()).isEqualTo(1);
        assertThat(given.stderr()).contains("Error response from daemon: dockmock: rotating to a given CA certificate");

        docker.ok("swarm", "leave", "--force");
        docker.ok("swarm", "init", "--advertise-addr", "127.0.0.1");
        assertThat(docker.ok("swarm", "ca").stdout()).matches(PEM).isNotEqualTo(first);
    }
}
