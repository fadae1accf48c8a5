package dev.dockmock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockmock.testing.CertificateMaker;
import dev.dockmock.testing.PemOut;
import dev.dockmock.testing.TestCertificates.KeyFormat;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PEM reading: every key format dockerd accepts, and an error naming the file for the rest. */
class PemFilesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(KeyFormat.class)
    void readsEveryKeyFormatAsTheSameKey(KeyFormat format) throws Exception {
        KeyPair pair = CertificateMaker.keyPair(format);
        Path file = dir.resolve("key.pem");
        PemOut.privateKey(file, pair, format);

        PrivateKey key = PemFiles.privateKey(file, "TLS key");

        assertThat(key.getAlgorithm()).isEqualTo(pair.getPrivate().getAlgorithm());
        String algorithm = switch (format) {
            case PKCS8_RSA, PKCS1_RSA -> "SHA256withRSA";
            case PKCS8_EC, SEC1_EC -> "SHA256withECDSA";
            case PKCS8_ED25519 -> "Ed25519";
        };
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(pair.getPublic());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signer.sign())).as("the parsed key signs for the original public key").isTrue();
    }

    @Test
    void readsEveryCertificateOfABundleInOrder() throws Exception {
        Instant now = Instant.now();
        CertificateMaker.Authority first = CertificateMaker.authority("first", now);
        CertificateMaker.Authority second = CertificateMaker.authority("second", now);
        Path file = dir.resolve("ca.pem");
        Files.writeString(file, "issuer notes OpenSSL leaves outside blocks\r\n"
                + PemOut.block("CERTIFICATE", first.certificate().getEncoded()).replace("\n", "\r\n")
                + PemOut.block("CERTIFICATE", second.certificate().getEncoded()));

        List<X509Certificate> certificates = PemFiles.certificates(file, "TLS CA certificate");

        assertThat(certificates).containsExactly(first.certificate(), second.certificate());
    }

    @Test
    void skipsEcParametersBeforeTheKey() throws Exception {
        KeyPair pair = CertificateMaker.keyPair(KeyFormat.SEC1_EC);
        Path file = dir.resolve("key.pem");
        PemOut.privateKey(file, pair, KeyFormat.SEC1_EC);
        // what `openssl ecparam -name prime256v1 -genkey` writes: parameters, then the key
        Files.writeString(file, PemOut.block("EC PARAMETERS", new byte[] {6, 8, 42, -122, 72, -50, 61, 3, 1, 7})
                + Files.readString(file));

        assertThat(PemFiles.privateKey(file, "TLS key").getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("nowhere/cert.pem");

        assertThatThrownBy(() -> PemFiles.certificates(file, "TLS certificate"))
                .hasMessage("cannot read TLS certificate " + file + ": no such file");
    }

    @Test
    void fileWithoutCertificate() throws Exception {
        Path file = write("cert.pem", PemOut.block("PRIVATE KEY", CertificateMaker.keyPair(KeyFormat.PKCS8_EC)
                .getPrivate().getEncoded()));

        assertThatThrownBy(() -> PemFiles.certificates(file, "TLS certificate"))
                .hasMessageStartingWith("TLS certificate " + file + ": no certificate found");
    }

    @Test
    void fileWithoutKey() throws Exception {
        Path file = write("key.pem", "just text\n");

        assertThatThrownBy(() -> PemFiles.privateKey(file, "TLS key"))
                .hasMessageStartingWith("TLS key " + file + ": no private key found");
    }

    @Test
    void encryptedPkcs8KeyIsRefused() throws Exception {
        KeyPair pair = CertificateMaker.keyPair(KeyFormat.PKCS8_RSA);
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(new JcaPKCS8Generator(pair.getPrivate(),
                    new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(new BouncyCastleProvider()).setPassword("secret".toCharArray()).build()));
        }
        Path file = write("key.pem", text.toString());
        assertThat(text.toString()).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");

        assertThatThrownBy(() -> PemFiles.privateKey(file, "TLS key"))
                .hasMessageStartingWith("TLS key " + file + ": the private key is encrypted, which is not supported");
    }

    @Test
    void legacyEncryptedRsaKeyIsRefused() throws Exception {
        KeyPair pair = CertificateMaker.keyPair(KeyFormat.PKCS1_RSA);
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(pair.getPrivate(), new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(new BouncyCastleProvider()).build("secret".toCharArray()));
        }
        Path file = write("key.pem", text.toString());
        assertThat(text.toString()).contains("BEGIN RSA PRIVATE KEY", "Proc-Type: 4,ENCRYPTED");

        assertThatThrownBy(() -> PemFiles.privateKey(file, "TLS key"))
                .hasMessageContaining(file + ": the private key is encrypted");
    }

    @Test
    void dsaKeyIsUnsupported() throws Exception {
        KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA");
        dsa.initialize(2048);
        Path file = write("key.pem", PemOut.block("PRIVATE KEY", dsa.generateKeyPair().getPrivate().getEncoded()));

        assertThatThrownBy(() -> PemFiles.privateKey(file, "TLS key"))
                .hasMessage("TLS key " + file + ": unsupported key type DSA; use an RSA, EC or Ed25519 key");
    }

    @Test
    void openSshKeyIsUnsupported() throws Exception {
        Path file = write("key.pem", PemOut.block("OPENSSH PRIVATE KEY", new byte[] {1, 2, 3}));

        assertThatThrownBy(() -> PemFiles.privateKey(file, "TLS key"))
                .hasMessageStartingWith("TLS key " + file + ": unsupported key type \"OPENSSH PRIVATE KEY\"");
    }

    @Test
    void ecKeyWithoutCurveIsRefused() throws Exception {
        // SEC1 with no [0] parameters: SEQUENCE { INTEGER 1, OCTET STRING (32 bytes) }
        byte[] sec1 = new byte[39];
        System.arraycopy(new byte[] {0x30, 37, 2, 1, 1, 4, 32}, 0, sec1, 0, 7);
        sec1[38] = 1;
        Path file = write("key.pem", PemOut.block("EC PRIVATE KEY", sec1));

        assertThatThrownBy(() -> PemFiles.privateKey(file, "TLS key"))
                .hasMessageStartingWith("TLS key " + file + ": EC key does not name its curve");
    }

    @Test
    void garbageInsideAKeyBlock() throws Exception {
        Path file = write("key.pem", PemOut.block("PRIVATE KEY", new byte[] {0x30, 0x7F, 1}));

        assertThatThrownBy(() -> PemFiles.privateKey(file, "TLS key"))
                .hasMessageStartingWith("TLS key " + file + ": \"PRIVATE KEY\" block is not a valid key: truncated");
    }

    @Test
    void truncatedAndMalformedBlocks() throws Exception {
        Path truncated = write("cut.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n");
        Path badBase64 = write("bad.pem", "-----BEGIN CERTIFICATE-----\nnot*base64\n-----END CERTIFICATE-----\n");
        Path notCertificate = write("junk.pem", PemOut.block("CERTIFICATE", "hello".getBytes(StandardCharsets.US_ASCII)));

        assertThatThrownBy(() -> PemFiles.certificates(truncated, "TLS certificate"))
                .hasMessageContaining(truncated + ": PEM block \"CERTIFICATE\" has no END line");
        assertThatThrownBy(() -> PemFiles.certificates(badBase64, "TLS certificate"))
                .hasMessageContaining(badBase64 + ": PEM block \"CERTIFICATE\" is not valid base64");
        assertThatThrownBy(() -> PemFiles.certificates(notCertificate, "TLS certificate"))
                .hasMessageContaining(notCertificate + ": certificate 1 is not a valid X.509 certificate");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
