package dev.dockmock.engine.swarm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;

/**
 * The swarm's root CA as {@code TLSInfo} shows it. The certificate is a real self-signed
 * {@code CN=swarm-ca} one shipped in the jar, so clients that parse it can; its key was thrown
 * away, since nothing in a fake swarm signs or checks anything.
 *
 * @param pem the certificate, PEM
 * @param subject the base64 DER of its subject
 * @param publicKey the base64 DER of its public key
 */
record TrustRoot(String pem, String subject, String publicKey) {

    /** The certificate shipped with dockmock. */
    static TrustRoot shipped() {
        try (InputStream in = TrustRoot.class.getResourceAsStream("swarm-ca.pem")) {
            byte[] bytes = in.readAllBytes();
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(bytes));
            Base64.Encoder base64 = Base64.getEncoder();
            return new TrustRoot(new String(bytes, StandardCharsets.US_ASCII),
                    base64.encodeToString(cert.getSubjectX500Principal().getEncoded()),
                    base64.encodeToString(cert.getPublicKey().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException("the swarm CA certificate cannot be read", e);
        } catch (CertificateException e) {
            throw new IllegalStateException("the swarm CA certificate is broken", e);
        }
    }

    Map<String, Object> document() {
        return Map.of("TrustRoot", pem, "CertIssuerSubject", subject, "CertIssuerPublicKey", publicKey);
    }
}
