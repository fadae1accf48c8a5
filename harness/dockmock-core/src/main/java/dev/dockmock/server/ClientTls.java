package dev.dockmock.server;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS contexts for clients of a Docker daemon, from the PEM files the docker CLI takes
 * ({@code --tlscacert}, {@code --tlscert}, {@code --tlskey}). It lives beside the server's TLS
 * code so both read PEM files the same way; the record proxy's upstream client uses it.
 */
public final class ClientTls {
    private static final char[] PASSWORD = "dockmock".toCharArray();

    private ClientTls() {
    }

    /**
     * A client context.
     *
     * @param trustedCa the CA that must have signed the daemon's certificate; empty trusts any
     *     certificate, as {@code docker --tls} without {@code --tlsverify} does
     * @param certificate the client certificate chain to present, if any
     * @param key the private key of {@code certificate}; required when a certificate is given
     * @throws IOException naming the file and the problem when a file cannot be used
     */
    public static SSLContext context(Optional<Path> trustedCa, Optional<Path> certificate, Optional<Path> key)
            throws IOException {
        if (certificate.isPresent() != key.isPresent()) {
            throw new IOException("a client certificate needs its key and a key its certificate: give both or neither");
        }
        try {
            KeyManager[] keys = null;
            if (certificate.isPresent()) {
                List<X509Certificate> chain = PemFiles.certificates(certificate.get(), "TLS client certificate");
                PrivateKey privateKey = PemFiles.privateKey(key.get(), "TLS client key");
                KeyStore identity = emptyStore();
                identity.setKeyEntry("client", privateKey, PASSWORD, chain.toArray(new X509Certificate[0]));
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(identity, PASSWORD);
                keys = factory.getKeyManagers();
            }
            TrustManager[] trust;
            if (trustedCa.isPresent()) {
                KeyStore anchors = emptyStore();
                List<X509Certificate> authorities = PemFiles.certificates(trustedCa.get(), "TLS CA certificate");
                for (int i = 0; i < authorities.size(); i++) {
                    anchors.setCertificateEntry("ca-" + i, authorities.get(i));
                }
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(anchors);
                trust = factory.getTrustManagers();
            } else {
                trust = new TrustManager[] {new TrustAnything()};
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up client TLS: " + e.getMessage(), e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    /** {@code docker --tls}: encrypt, but accept whatever certificate the daemon shows. */
    private static final class TrustAnything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
