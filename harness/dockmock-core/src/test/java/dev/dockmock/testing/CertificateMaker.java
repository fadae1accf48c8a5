package dev.dockmock.testing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Key pairs and X.509 certificates for tests, made with BouncyCastle's certificate builder. */
public final class CertificateMaker {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private CertificateMaker() {
    }

    /** A CA: its certificate and the key that signs what it issues. */
    public record Authority(X509Certificate certificate, KeyPair keys) {

        /** A server certificate for {@code 127.0.0.1} and {@code localhost}. */
        public X509Certificate issueServer(KeyPair subject, Instant from, Instant until) {
            GeneralNames names = new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")});
            return issue(this, "CN=localhost", subject.getPublic(), from, until, false,
                    KeyPurposeId.id_kp_serverAuth, names);
        }

        /** A client certificate, as dockerd's docs make them ({@code extendedKeyUsage = clientAuth}). */
        public X509Certificate issueClient(KeyPair subject, Instant from, Instant until) {
            return issue(this, "CN=dockmock test client", subject.getPublic(), from, until, false,
                    KeyPurposeId.id_kp_clientAuth, null);
        }
    }

    /** A self-signed CA with an RSA key, valid from an hour before {@code now} for a day. */
    public static Authority authority(String commonName, Instant now) {
        KeyPair keys = keyPair(TestCertificates.KeyFormat.PKCS8_RSA);
        Authority self = new Authority(null, keys);
        X509Certificate certificate = issue(self, "CN=" + commonName, keys.getPublic(), now.minusSeconds(3600),
                now.plusSeconds(86_400), true, null, null);
        return new Authority(certificate, keys);
    }

    /** A fresh key pair of the kind {@code format} writes. */
    public static KeyPair keyPair(TestCertificates.KeyFormat format) {
        try {
            switch (format) {
                case PKCS8_RSA, PKCS1_RSA -> {
                    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                    rsa.initialize(2048);
                    return rsa.generateKeyPair();
                }
                case PKCS8_EC, SEC1_EC -> {
                    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
                    ec.initialize(new ECGenParameterSpec("secp256r1"));
                    return ec.generateKeyPair();
                }
                default -> {
                    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make " + format + " keys", e);
        }
    }

    private static X509Certificate issue(Authority issuer, String subject, PublicKey key, Instant from, Instant until,
            boolean isCa, KeyPurposeId purpose, GeneralNames names) {
        try {
            X500Principal issuerName = issuer.certificate() == null
                    ? new X500Principal(subject) : issuer.certificate().getSubjectX500Principal();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(from), Date.from(until),
                    new X500Principal(subject), key);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuer.keys().getPublic()));
            if (isCa) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            }
            if (names != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, names);
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuer.keys().getPrivate())));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot issue a test certificate for " + subject, e);
        }
    }
}
