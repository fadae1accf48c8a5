package dev.dockmock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockmock.testing.CertificateMaker;
import dev.dockmock.testing.PemOut;
import dev.dockmock.testing.TestCertificates;
import dev.dockmock.testing.TestCertificates.KeyFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building the server context: which certificate and key pairs are accepted, and the messages for the rest. */
class TlsContextsTest {
    @TempDir
    static Path shared;
    static TestCertificates certs;

    @TempDir
    Path dir;

    @BeforeAll
    static void certificates() {
        certs = TestCertificates.generate(shared);
    }

    @Test
    void serverWithFullChainAndSeveralClientCas() throws Exception {
        Path chain = dir.resolve("chain.pem");
        Files.writeString(chain, Files.readString(certs.server().cert()) + Files.readString(certs.server().ca()));
        Path cas = dir.resolve("cas.pem");
        Files.writeString(cas, Files.readString(certs.server().ca()) + Files.readString(certs.foreignClient().ca()));

        SSLContext context = TlsContexts.server(TlsSettings.verifying(chain, certs.server().key(), cas));

        assertThat(context.getServerSocketFactory()).isNotNull();
    }

    @Test
    void keyOfAnotherPair() throws Exception {
        Path otherKey = certs.server(KeyFormat.PKCS1_RSA).key();

        assertThatThrownBy(() -> TlsContexts.server(TlsSettings.server(certs.server().cert(), otherKey)))
                .hasMessage("TLS key " + otherKey + " does not match the certificate in " + certs.server().cert());
    }

    @Test
    void keyOfAnotherType() throws Exception {
        Path ecKey = certs.server(KeyFormat.SEC1_EC).key();

        assertThatThrownBy(() -> TlsContexts.server(TlsSettings.server(certs.server().cert(), ecKey)))
                .hasMessageEndingWith("the key is EC but the certificate holds an RSA public key");
    }

    @Test
    void issuerBeforeTheServerCertificate() throws Exception {
        Path chain = dir.resolve("chain.pem");
        Files.writeString(chain, Files.readString(certs.server().ca()) + Files.readString(certs.server().cert()));

        assertThatThrownBy(() -> TlsContexts.server(TlsSettings.server(chain, certs.server().key())))
                .hasMessageContaining("does not match the certificate in " + chain)
                .hasMessageEndingWith("(is the server's own certificate the first one in the file?)");
    }

    @Test
    void unrelatedCertificateInTheChain() throws Exception {
        Path chain = dir.resolve("chain.pem");
        CertificateMaker.Authority stranger = CertificateMaker.authority("stranger", Instant.now());
        Files.writeString(chain, Files.readString(certs.server().cert())
                + PemOut.block("CERTIFICATE", stranger.certificate().getEncoded()));

        assertThatThrownBy(() -> TlsContexts.server(TlsSettings.server(chain, certs.server().key())))
                .hasMessageStartingWith("TLS certificate " + chain + ": the chain is not in order");
    }

    @Test
    void missingClientCa() {
        Path ca = dir.resolve("ca.pem");

        assertThatThrownBy(() -> TlsContexts.server(TlsSettings.verifying(certs.server().cert(), certs.server().key(), ca)))
                .hasMessage("cannot read TLS CA certificate " + ca + ": no such file");
    }
}
