package dev.dockmock.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/** Writes certificates and keys as PEM, in the formats OpenSSL and Go produce. */
public final class PemOut {

    private PemOut() {
    }

    /** Writes {@code certificates} as consecutive {@code CERTIFICATE} blocks. */
    public static void certificates(Path file, X509Certificate... certificates) throws IOException {
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                text.append(block("CERTIFICATE", certificate.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    /** Writes the private key of {@code pair} in {@code format}. */
    public static void privateKey(Path file, KeyPair pair, TestCertificates.KeyFormat format) throws IOException {
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(pkcs8);
        String text = switch (format) {
            case PKCS8_RSA, PKCS8_EC, PKCS8_ED25519 -> block("PRIVATE KEY", pkcs8);
            case PKCS1_RSA -> block("RSA PRIVATE KEY", info.parsePrivateKey().toASN1Primitive().getEncoded());
            case SEC1_EC -> {
                // The JDK's PKCS#8 leaves the curve out of the inner key; OpenSSL and Go write it there.
                ASN1Encodable curve = info.getPrivateKeyAlgorithm().getParameters();
                DERBitString point = new DERBitString(
                        SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()).getPublicKeyData().getBytes());
                BigInteger d = ((java.security.interfaces.ECPrivateKey) pair.getPrivate()).getS();
                yield block("EC PRIVATE KEY", new ECPrivateKey(256, d, point, curve).getEncoded());
            }
        };
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    /** One PEM block of {@code type} around {@code der}. */
    public static String block(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
