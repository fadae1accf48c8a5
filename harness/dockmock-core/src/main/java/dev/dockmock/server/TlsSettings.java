package dev.dockmock.server;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS as dockerd configures it: {@code --tlscert} and {@code --tlskey} (PEM files) turn TLS on;
 * {@code --tlsverify} with {@code --tlscacert} requires client certificates signed by that CA.
 * TLS applies to tcp listeners; unix sockets stay plain, as with dockerd.
 *
 * @param certificate the server's certificate chain (PEM)
 * @param privateKey the server's private key (PEM: PKCS#8, PKCS#1 RSA or SEC1 EC)
 * @param clientCa the CA that signs accepted client certificates, if any
 * @param verifyClients whether a client certificate signed by {@code clientCa} is required
 */
public record TlsSettings(Path certificate, Path privateKey, Optional<Path> clientCa, boolean verifyClients) {

    public TlsSettings {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(clientCa, "clientCa");
        if (verifyClients && clientCa.isEmpty()) {
            throw new IllegalArgumentException("--tlsverify needs --tlscacert: the CA that signs client certificates");
        }
    }

    /** TLS without client certificates. */
    public static TlsSettings server(Path certificate, Path privateKey) {
        return new TlsSettings(certificate, privateKey, Optional.empty(), false);
    }

    /** TLS that requires client certificates signed by {@code clientCa}. */
    public static TlsSettings verifying(Path certificate, Path privateKey, Path clientCa) {
        return new TlsSettings(certificate, privateKey, Optional.of(clientCa), true);
    }
}
