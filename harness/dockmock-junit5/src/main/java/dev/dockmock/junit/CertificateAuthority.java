package dev.dockmock.junit;

import dev.dockmock.protocol.Der;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A throw-away CA that issues a server certificate for {@code 127.0.0.1}/{@code localhost} and a
 * client certificate, written as dockerd's TLS guide names the files. ECDSA P-256 with SHA-256,
 * made with the JDK alone (the JDK has no public certificate builder, so the DER is written here).
 */
final class CertificateAuthority {
    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private final byte[] name;
    private final Instant from;
    private final Instant until;
    private final byte[] certificate;

    private CertificateAuthority(Instant now) throws GeneralSecurityException {
        this.keys = keyPair();
        this.name = name("dockmock test CA");
        this.from = now.minus(Duration.ofHours(1));
        this.until = now.plus(Duration.ofDays(2));
        byte[] extensions = Der.concat(
                extension("2.5.29.19", true, Der.sequence(Der.bool(true))),
                extension("2.5.29.15", true, Der.bits(1, new byte[] {(byte) 0x86})));
        this.certificate = sign(name, keys.getPublic().getEncoded(), extensions);
    }

    /** Writes {@code ca.pem}, {@code server-cert.pem}, {@code server-key.pem}, {@code cert.pem}, {@code key.pem} into {@code dir}. */
    static TlsMaterial writeTo(Path dir) throws IOException {
        try {
            CertificateAuthority ca = new CertificateAuthority(Instant.now());
            Files.createDirectories(dir);
            write(dir.resolve("ca.pem"), "CERTIFICATE", ca.certificate);
            KeyPair server = keyPair();
            byte[] names = Der.sequence(Der.context(7, false, InetAddress.getByName("127.0.0.1").getAddress()),
                    Der.context(2, false, "localhost".getBytes(StandardCharsets.US_ASCII)));
            write(dir.resolve("server-cert.pem"), "CERTIFICATE", ca.issue("localhost", server, "1.3.6.1.5.5.7.3.1", names));
            writeKey(dir.resolve("server-key.pem"), server.getPrivate());
            KeyPair client = keyPair();
            write(dir.resolve("cert.pem"), "CERTIFICATE", ca.issue("dockmock test client", client, "1.3.6.1.5.5.7.3.2", null));
            writeKey(dir.resolve("key.pem"), client.getPrivate());
            return TlsMaterial.in(dir);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make TLS certificates: " + e.getMessage(), e);
        }
    }

    private byte[] issue(String commonName, KeyPair subject, String extendedKeyUsage, byte[] altNames)
            throws GeneralSecurityException {
        byte[] extensions = Der.concat(
                extension("2.5.29.19", true, Der.sequence()),
                extension("2.5.29.15", true, Der.bits(7, new byte[] {(byte) 0x80})),
                extension("2.5.29.37", false, Der.sequence(Der.oid(extendedKeyUsage))),
                altNames == null ? new byte[0] : extension("2.5.29.17", false, altNames));
        return sign(name(commonName), subject.getPublic().getEncoded(), extensions);
    }

    private byte[] sign(byte[] subject, byte[] publicKeyInfo, byte[] extensions) throws GeneralSecurityException {
        byte[] algorithm = Der.sequence(Der.oid(ECDSA_SHA256));
        byte[] tbs = Der.sequence(
                Der.context(0, true, Der.integer(BigInteger.valueOf(2))),
                Der.integer(serial()),
                algorithm,
                name,
                Der.sequence(Der.time(from), Der.time(until)),
                subject,
                publicKeyInfo,
                Der.context(3, true, Der.sequence(extensions)));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(tbs);
        byte[] certificate = Der.sequence(tbs, algorithm, Der.bits(0, signer.sign()));
        X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate));
        parsed.verify(keys.getPublic());
        return certificate;
    }

    private static BigInteger serial() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return new BigInteger(1, random).setBit(120);
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octets(value))
                : Der.sequence(Der.oid(oid), Der.octets(value));
    }

    private static byte[] name(String commonName) {
        return Der.sequence(Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8(commonName))));
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static void writeKey(Path file, PrivateKey key) throws IOException {
        write(file, "PRIVATE KEY", key.getEncoded());
    }

    private static void write(Path file, String type, byte[] der) throws IOException {
        String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n");
    }
}
