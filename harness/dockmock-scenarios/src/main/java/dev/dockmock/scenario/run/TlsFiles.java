package dev.dockmock.scenario.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The certificates of TLS scenarios: a test CA, a server certificate for 127.0.0.1 and localhost,
 * and a client certificate, all shipped in this module's resources (valid for a century; see
 * docs/scenarios.md) and copied into the scenario's directory, where the docker CLI finds
 * {@code ca.pem}, {@code cert.pem} and {@code key.pem} through {@code DOCKER_CERT_PATH}.
 */
public record TlsFiles(Path dir) {
    private static final String[] NAMES = {"ca.pem", "cert.pem", "key.pem", "server-cert.pem", "server-key.pem"};

    static TlsFiles extract(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : NAMES) {
            try (InputStream in = TlsFiles.class.getResourceAsStream("/dev/dockmock/scenario/tls/" + name)) {
                if (in == null) {
                    throw new UncheckedIOException(new IOException("missing resource tls/" + name));
                }
                Files.copy(in, dir.resolve(name));
            }
        }
        return new TlsFiles(dir);
    }

    public Path ca() {
        return dir.resolve("ca.pem");
    }

    public Path clientCert() {
        return dir.resolve("cert.pem");
    }

    public Path clientKey() {
        return dir.resolve("key.pem");
    }

    Path serverCert() {
        return dir.resolve("server-cert.pem");
    }

    Path serverKey() {
        return dir.resolve("server-key.pem");
    }
}
