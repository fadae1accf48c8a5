package dev.dockmock.engine.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The swarm's root CA certificate, made with the JDK alone: what the JDK and OpenSSL read in it. */
class RootCertificateTest {
    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    private static byte[] seed(int value) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) value);
        return seed;
    }

    private static X509Certificate parse(TrustRoot root) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(root.pem().getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void isASelfSignedP256CaNamedSwarmCaForTwentyYears() throws Exception {
        TrustRoot root = RootCertificate.generate(seed(1), NOW);
        X509Certificate cert = parse(root);

        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=swarm-ca");
        assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
        cert.verify(cert.getPublicKey());
        assertThat(cert.getVersion()).isEqualTo(3);
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(cert.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);   // CA, no path length limit
        assertThat(cert.getCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.15", "2.5.29.19");
        boolean[] usage = cert.getKeyUsage();
        assertThat(usage[5]).as("keyCertSign").isTrue();
        assertThat(usage[6]).as("cRLSign").isTrue();
        assertThat(usage[0]).as("digitalSignature").isFalse();
        assertThat(cert.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofMinutes(5)));
        assertThat(Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant())).isEqualTo(Duration.ofDays(7300));
        assertThat(cert.getSerialNumber().signum()).isPositive();
    }

    @Test
    void tlsInfoCarriesTheSubjectAndPublicKeyOfTheCertificate() throws Exception {
        TrustRoot root = RootCertificate.generate(seed(2), NOW);
        X509Certificate cert = parse(root);
        assertThat(root.pem()).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("\n-----END CERTIFICATE-----\n");
        assertThat(Base64.getDecoder().decode(root.subject())).isEqualTo(cert.getSubjectX500Principal().getEncoded());
        assertThat(Base64.getDecoder().decode(root.publicKey())).isEqualTo(cert.getPublicKey().getEncoded());
    }

    @Test
    void theSameSeedAndTimeMakeTheSameCertificateAndAnotherSeedAnotherKey() throws Exception {
        assertThat(RootCertificate.generate(seed(3), NOW)).isEqualTo(RootCertificate.generate(seed(3), NOW));
        TrustRoot other = RootCertificate.generate(seed(4), NOW);
        assertThat(other.publicKey()).isNotEqualTo(RootCertificate.generate(seed(3), NOW).publicKey());
        assertThat(other.subject()).isEqualTo(RootCertificate.generate(seed(3), NOW).subject());
    }

    @Test
    void aValidityEndingAfter2049IsWrittenAsGeneralizedTime() throws Exception {
        Instant late = Instant.parse("2040-06-01T12:00:00Z");
        X509Certificate cert = parse(RootCertificate.generate(seed(5), late));
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(late.minus(Duration.ofMinutes(5)).plus(Duration.ofDays(7300)));
    }

    @Test
    void opensslVerifiesItAsItsOwnTrustAnchor(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        Path pem = Files.writeString(dir.resolve("ca.pem"), RootCertificate.generate(seed(6), Instant.now()).pem());
        Process verify = new ProcessBuilder("/usr/bin/openssl", "verify", "-x509_strict", "-CAfile", pem.toString(), pem.toString())
                .redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor()).as(output).isZero();
        assertThat(output).isEqualTo(pem + ": OK\n");
    }
}
