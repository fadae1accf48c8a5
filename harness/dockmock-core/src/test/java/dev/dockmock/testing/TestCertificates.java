package dev.dockmock.testing;

import dev.dockmock.server.TlsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Certificates for TLS tests, generated at test time (never commit certificates) into a
 * directory, in the layout dockerd and the docker CLI expect. Every directory holds
 * {@code ca.pem}, {@code cert.pem} and {@code key.pem}, so a client directory can be given as
 * {@code DOCKER_CERT_PATH} or as {@code --tlscacert/--tlscert/--tlskey}:
 *
 * <pre>
 * server/          the server: cert for 127.0.0.1 and localhost; ca.pem is the CA clients need
 * server-FORMAT/   the same, with the server key in another {@link KeyFormat} (made on demand)
 * client/          a client the CA signed; ca.pem verifies the server
 * client-foreign/  a client an unrelated CA signed
 * client-expired/  a client the CA signed whose certificate expired yesterday
 * ca-only/         ca.pem alone: a client that verifies the server but has no certificate
 * </pre>
 *
 * <pre>{@code
 * TestCertificates certs = TestCertificates.generate(tempDir);
 * DockMockServer.builder().tls(certs.verifying()).host("tcp://127.0.0.1:0")...
 * docker --tlsverify --tlscacert certs.client().ca() --tlscert certs.client().cert() ...
 * }</pre>
 */
public final class TestCertificates {

    /** How a private key is written to {@code key.pem}. */
    public enum KeyFormat {
        /** {@code BEGIN PRIVATE KEY} holding an RSA key (OpenSSL 3's default). */
        PKCS8_RSA,
        /** {@code BEGIN RSA PRIVATE KEY} ({@code openssl genrsa} before OpenSSL 3). */
        PKCS1_RSA,
        /** {@code BEGIN PRIVATE KEY} holding an EC P-256 key. */
        PKCS8_EC,
        /** {@code BEGIN EC PRIVATE KEY} with its named curve ({@code openssl ecparam -genkey}). */
        SEC1_EC,
        /** {@code BEGIN PRIVATE KEY} holding an Ed25519 key. */
        PKCS8_ED25519
    }

    /**
     * A directory with {@code ca.pem}, {@code cert.pem} and {@code key.pem}.
     *
     * @param dir the directory, usable as {@code DOCKER_CERT_PATH}
     */
    public record CertDir(Path dir) {
        /** The CA certificate(s) this side trusts. */
        public Path ca() {
            return dir.resolve("ca.pem");
        }

        /** This side's certificate. */
        public Path cert() {
            return dir.resolve("cert.pem");
        }

        /** This side's private key. */
        public Path key() {
            return dir.resolve("key.pem");
        }
    }

    private final Path root;
    private final CertificateMaker.Authority ca;
    private final Map<KeyFormat, CertDir> servers = new EnumMap<>(KeyFormat.class);
    private final CertDir client;
    private final CertDir foreignClient;
    private final CertDir expiredClient;
    private final CertDir caOnly;

    private TestCertificates(Path root) throws IOException {
        this.root = root;
        Instant now = Instant.now();
        this.ca = CertificateMaker.authority("dockmock test CA", now);
        CertificateMaker.Authority foreign = CertificateMaker.authority("unrelated test CA", now);
        servers.put(KeyFormat.PKCS8_RSA, serverDir("server", KeyFormat.PKCS8_RSA));
        this.client = clientDir("client", ca, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        this.foreignClient = clientDir("client-foreign", foreign, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        this.expiredClient = clientDir("client-expired", ca, now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(1)));
        this.caOnly = new CertDir(Files.createDirectories(root.resolve("ca-only")));
        PemOut.certificates(caOnly.ca(), ca.certificate());
    }

    /** Generates the CAs, the server and the clients into {@code root} (a {@code @TempDir}). */
    public static TestCertificates generate(Path root) {
        try {
            return new TestCertificates(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write test certificates into " + root, e);
        }
    }

    /** The server's files; {@code ca.pem} is the CA that signs accepted clients. */
    public CertDir server() {
        return server(KeyFormat.PKCS8_RSA);
    }

    /** A server certificate whose key is written in {@code format}; made on first use. */
    public synchronized CertDir server(KeyFormat format) {
        return servers.computeIfAbsent(format, f -> {
            try {
                return serverDir("server-" + f.name().toLowerCase(java.util.Locale.ROOT), f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A client whose certificate the CA signed. */
    public CertDir client() {
        return client;
    }

    /** A client whose certificate an unrelated CA signed; its {@code ca.pem} still verifies the server. */
    public CertDir foreignClient() {
        return foreignClient;
    }

    /** A client whose certificate the CA signed but that expired yesterday. */
    public CertDir expiredClient() {
        return expiredClient;
    }

    /** Only {@code ca.pem}: a client that checks the server but presents no certificate. */
    public CertDir caOnly() {
        return caOnly;
    }

    /** dockerd's {@code --tlsverify}: TLS that requires clients the CA signed. */
    public TlsSettings verifying() {
        return verifying(KeyFormat.PKCS8_RSA);
    }

    /** {@code --tlsverify} with the server key in {@code format}. */
    public TlsSettings verifying(KeyFormat format) {
        CertDir server = server(format);
        return TlsSettings.verifying(server.cert(), server.key(), server.ca());
    }

    /** dockerd's {@code --tls}: TLS without client certificates. */
    public TlsSettings serverOnly() {
        return TlsSettings.server(server().cert(), server().key());
    }

    private CertDir serverDir(String name, KeyFormat format) throws IOException {
        CertDir dir = new CertDir(Files.createDirectories(root.resolve(name)));
        Instant now = Instant.now();
        KeyPair pair = CertificateMaker.keyPair(format);
        PemOut.certificates(dir.cert(), ca.issueServer(pair, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))));
        PemOut.privateKey(dir.key(), pair, format);
        PemOut.certificates(dir.ca(), ca.certificate());
        return dir;
    }

    private CertDir clientDir(String name, CertificateMaker.Authority issuer, Instant from, Instant until) throws IOException {
        CertDir dir = new CertDir(Files.createDirectories(root.resolve(name)));
        KeyPair pair = CertificateMaker.keyPair(KeyFormat.PKCS8_EC);
        PemOut.certificates(dir.cert(), issuer.issueClient(pair, from, until));
        PemOut.privateKey(dir.key(), pair, KeyFormat.PKCS8_EC);
        PemOut.certificates(dir.ca(), ca.certificate());
        return dir;
    }
}
