package dev.dockmock.engine.swarm;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;

/**
 * The swarm's root CA as {@code TLSInfo} shows it, for the cluster and for every node: the
 * certificate and, base64 as Go's JSON writes bytes, the DER of its subject and of its public key
 * (what {@code docker swarm ca --rotate} compares to see every node converged).
 *
 * @param pem the certificate, PEM
 * @param subject the base64 DER of its subject
 * @param publicKey the base64 DER of its public key info
 */
record TrustRoot(String pem, String subject, String publicKey) {

    /** The trust root of the certificate {@code der}. */
    static TrustRoot of(byte[] der) {
        X509Certificate cert = parse(der);
        Base64.Encoder base64 = Base64.getEncoder();
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
        return new TrustRoot(pem, base64.encodeToString(cert.getSubjectX500Principal().getEncoded()),
                base64.encodeToString(cert.getPublicKey().getEncoded()));
    }

    private static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("the swarm's root certificate does not parse: " + e.getMessage(), e);
        }
    }

    Map<String, Object> document() {
        return Map.of("TrustRoot", pem, "CertIssuerSubject", subject, "CertIssuerPublicKey", publicKey);
    }
}
