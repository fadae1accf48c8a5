package dev.dockmock.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds TLS contexts from dockerd-style PEM files, with the JDK alone. The protocol floor
 * (TLS 1.2) and client authentication are set on the listening socket by {@link TcpListener}.
 */
final class TlsContexts {
    // The key store lives in memory only; PKCS#12 merely insists on some password.
    private static final char[] PASSWORD = "dockmock".toCharArray();
    private static final byte[] PROBE = "dockmock key check".getBytes(StandardCharsets.US_ASCII);

    private TlsContexts() {
    }

    /**
     * A server context presenting the certificate chain and key of {@code settings} and, when a
     * client CA is given, trusting client certificates that CA signed (and nothing else).
     *
     * @throws IOException naming the file and the problem when a file is missing, holds no
     *     certificate or key, holds an encrypted or unsupported key, or the key does not match
     *     the certificate
     */
    static SSLContext server(TlsSettings settings) throws IOException {
        List<X509Certificate> chain = PemFiles.certificates(settings.certificate(), "TLS certificate");
        PrivateKey key = PemFiles.privateKey(settings.privateKey(), "TLS key");
        checkPair(chain, key, settings);
        List<X509Certificate> authorities = settings.clientCa().isPresent()
                ? PemFiles.certificates(settings.clientCa().get(), "TLS CA certificate")
                : List.of();
        try {
            KeyStore identity = emptyStore();
            try {
                identity.setKeyEntry("server", key, PASSWORD, chain.toArray(new X509Certificate[0]));
            } catch (KeyStoreException | IllegalArgumentException e) {
                // PKCS#12 insists that each certificate is followed by its issuer.
                throw new IOException("TLS certificate " + settings.certificate() + ": the chain is not in order;"
                        + " put the server certificate first, then each issuer after the certificate it signed", e);
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(identity, PASSWORD);
            // Without a CA the store stays empty: no client certificate is ever trusted, rather
            // than every certificate the JVM's default CAs signed.
            KeyStore anchors = emptyStore();
            for (int i = 0; i < authorities.size(); i++) {
                anchors.setCertificateEntry("ca-" + i, authorities.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS from " + settings.certificate() + " and " + settings.privateKey()
                    + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    /** Signs and verifies a few bytes: a key from another pair fails here, not in every handshake. */
    private static void checkPair(List<X509Certificate> chain, PrivateKey key, TlsSettings settings) throws IOException {
        PublicKey certified = chain.get(0).getPublicKey();
        String keyFamily = family(key.getAlgorithm());
        String certFamily = family(certified.getAlgorithm());
        String mismatch = "TLS key " + settings.privateKey() + " does not match the certificate in " + settings.certificate();
        String order = chain.size() > 1 ? " (is the server's own certificate the first one in the file?)" : "";
        if (!keyFamily.equals(certFamily)) {
            throw new IOException(mismatch + ": the key is " + keyFamily + " but the certificate holds an " + certFamily
                    + " public key" + order);
        }
        String algorithm = switch (keyFamily) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return;
        }
        byte[] signature;
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS key " + settings.privateKey() + " cannot sign: " + e.getMessage(), e);
        }
        boolean verified;
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(PROBE);
            verified = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            verified = false;
        }
        if (!verified) {
            throw new IOException(mismatch + order);
        }
    }

    private static String family(String algorithm) {
        return algorithm.equals("Ed25519") ? "EdDSA" : algorithm;
    }
}
