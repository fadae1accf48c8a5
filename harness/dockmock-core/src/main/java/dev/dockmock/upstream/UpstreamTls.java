package dev.dockmock.upstream;

import dev.dockmock.server.ClientTls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * TLS towards an upstream daemon, as the docker CLI configures it.
 *
 * @param ca the CA that signed the daemon's certificate ({@code --tlscacert})
 * @param certificate the client certificate to present ({@code --tlscert}), if any
 * @param key the client certificate's key ({@code --tlskey}), if any
 * @param verify {@code --tlsverify}: check the daemon's certificate against {@code ca} and its
 *     name against the host; false is {@code --tls}, which encrypts but trusts any certificate
 */
public record UpstreamTls(Optional<Path> ca, Optional<Path> certificate, Optional<Path> key, boolean verify) {

    public UpstreamTls {
        Objects.requireNonNull(ca, "ca");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
        if (verify && ca.isEmpty()) {
            throw new IllegalArgumentException("--tlsverify needs --tlscacert: the CA that signed the daemon's certificate");
        }
    }

    /**
     * The files of a {@code DOCKER_CERT_PATH} directory: {@code ca.pem}, and {@code cert.pem} with
     * {@code key.pem} when both exist.
     */
    public static UpstreamTls fromCertPath(Path directory, boolean verify) {
        Path cert = directory.resolve("cert.pem");
        Path key = directory.resolve("key.pem");
        boolean pair = Files.exists(cert) && Files.exists(key);
        return new UpstreamTls(Optional.of(directory.resolve("ca.pem")), pair ? Optional.of(cert) : Optional.empty(),
                pair ? Optional.of(key) : Optional.empty(), verify);
    }

    /** Builds the context; a file that cannot be used fails here, naming it. */
    SSLContext context() throws IOException {
        return ClientTls.context(verify ? ca : Optional.empty(), certificate, key);
    }
}
