package dev.dockmock.scenario.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** An SSL context for raw HTTP steps: trusts the scenario CA and presents the scenario's client certificate. */
final class ClientTls {

    private ClientTls() {
    }

    static SSLContext context(TlsFiles tls) throws IOException {
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            Certificate ca;
            Certificate cert;
            try (InputStream in = Files.newInputStream(tls.ca())) {
                ca = x509.generateCertificate(in);
            }
            try (InputStream in = Files.newInputStream(tls.clientCert())) {
                cert = x509.generateCertificate(in);
            }
            String pem = Files.readString(tls.clientKey());
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", key, new char[0], new Certificate[] {cert});
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, new char[0]);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("the scenario's TLS client certificate: " + e.getMessage(), e);
        }
    }
}
