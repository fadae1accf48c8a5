package dev.dockmock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.github.dockerjava.api.DockerClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A server with TLS and client certificates from a throw-away CA, reached by docker-java and the docker CLI. */
@Timeout(60)
@DockMockTest(tls = true)
class TlsTest {

    @Test
    void dockerJavaConnectsWithTheClientCertificate(DockerClient docker, DockMock dockmock) {
        assertThat(dockmock.dockerHost()).startsWith("tcp://127.0.0.1:");
        assertThat(dockmock.environment()).containsEntry("DOCKER_HOST", dockmock.dockerHost())
                .containsEntry("DOCKER_TLS_VERIFY", "1")
                .containsEntry("DOCKER_CERT_PATH", dockmock.tls().orElseThrow().certPath().toString());
        assertThat(docker.versionCmd().exec().getApiVersion()).isEqualTo("1.50");
        assertThat(dockmock.journal().entries()).allMatch(e -> e.listener().startsWith("tcp://"));
    }

    @Test
    void theCertificatesNameTheLoopbackAndAreSignedByTheCa(DockMock dockmock) throws Exception {
        TlsMaterial tls = dockmock.tls().orElseThrow();
        X509Certificate ca = read(tls.caCertificate());
        X509Certificate server = read(tls.serverCertificate());
        X509Certificate client = read(tls.clientCertificate());
        server.verify(ca.getPublicKey());
        client.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(server.getSubjectAlternativeNames().stream().map(n -> (Object) n.get(1)).toList()).containsExactly("127.0.0.1", "localhost");
        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(client.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(Files.readString(tls.clientKey())).startsWith("-----BEGIN PRIVATE KEY-----\n");
    }

    @Test
    void theDockerCliConnectsWithTheEnvironmentGiven(DockMock dockmock) throws Exception {
        assumeThat(onPath("docker")).as("the docker CLI on the PATH").isTrue();
        ProcessBuilder cli = new ProcessBuilder("docker", "version", "--format", "{{.Server.APIVersion}}").redirectErrorStream(true);
        cli.environment().keySet().removeIf(name -> name.startsWith("DOCKER_"));
        cli.environment().putAll(dockmock.environment());
        Path config = Files.createTempDirectory("dmcli");
        cli.environment().put("DOCKER_CONFIG", config.toString());
        Process process = cli.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        try (var files = Files.walk(config)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(out.trim()).isEqualTo("1.50");
        assertThat(process.exitValue()).isZero();
    }

    private static X509Certificate read(Path pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
    }

    private static boolean onPath(String command) throws IOException {
        for (String dir : List.of(System.getenv().getOrDefault("PATH", "").split(":"))) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
