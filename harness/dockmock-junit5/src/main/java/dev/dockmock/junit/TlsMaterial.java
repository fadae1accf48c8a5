package dev.dockmock.junit;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The TLS files of a server started with TLS, laid out as dockerd's TLS guide and
 * {@code DOCKER_CERT_PATH} expect: clients use {@link #certPath()} ({@code ca.pem}, {@code cert.pem},
 * {@code key.pem}); the server uses {@code server-cert.pem} and {@code server-key.pem}. The
 * files are removed when the server stops.
 *
 * @param certPath the directory, for {@code DOCKER_CERT_PATH}
 */
public record TlsMaterial(Path certPath) {

    public TlsMaterial {
        Objects.requireNonNull(certPath, "certPath");
    }

    static TlsMaterial in(Path directory) {
        return new TlsMaterial(directory);
    }

    /** The CA that signed both certificates ({@code --tlscacert}). */
    public Path caCertificate() {
        return certPath.resolve("ca.pem");
    }

    /** The client certificate ({@code --tlscert}). */
    public Path clientCertificate() {
        return certPath.resolve("cert.pem");
    }

    /** The client certificate's key, PKCS#8 ({@code --tlskey}). */
    public Path clientKey() {
        return certPath.resolve("key.pem");
    }

    public Path serverCertificate() {
        return certPath.resolve("server-cert.pem");
    }

    public Path serverKey() {
        return certPath.resolve("server-key.pem");
    }
}
