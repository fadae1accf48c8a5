package dev.dockmock.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.DaemonIdentity;
import dev.dockmock.engine.Daemons;
import dev.dockmock.testing.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which TLS versions the listener speaks, and that it ends connections with close_notify. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsProtocolTest {
    @TempDir
    static Path dir;
    static TestCertificates certs;

    @BeforeAll
    static void certificates() {
        certs = TestCertificates.generate(dir);
    }

    @Test
    void tls11IsRefusedEvenWhereTheJvmAllowsIt() throws Exception {
        // This JVM's defaults already forbid TLS 1.1, so the probe runs in a JVM that allows it.
        String allowed = Arrays.stream(Security.getProperty("jdk.tls.disabledAlgorithms").split(","))
                .map(String::strip).filter(entry -> !entry.equals("TLSv1") && !entry.equals("TLSv1.1"))
                .collect(Collectors.joining(", "));
        Path security = dir.resolve("allow-tls11.security");
        Files.writeString(security, "jdk.tls.disabledAlgorithms=" + allowed + "\n");
        Path output = dir.resolve("probe.out");
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.properties=" + security, "-cp", System.getProperty("java.class.path"),
                LegacyTlsProbe.class.getName(), certs.server().cert().toString(), certs.server().key().toString(),
                certs.client().ca().toString())
                .redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!probe.waitFor(40, TimeUnit.SECONDS)) {
            probe.destroyForcibly();
            throw new AssertionError("TLS probe hung:\n" + Files.readString(output));
        }
        String shown = Files.readString(output);

        assertThat(probe.exitValue()).as(shown).isZero();
        assertThat(shown).as("the control proves the probe JVM speaks TLS 1.1").contains("control: connected with TLSv1.1");
        assertThat(shown).containsPattern("dockmock: failed: javax.net.ssl.SSLHandshakeException: .*protocol_version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void modernVersionsServeAndEndWithCloseNotify(String version) throws Exception {
        try (DockMockServer server = DockMockServer.builder().tls(certs.verifying()).host("tcp://127.0.0.1:0")
                .options(ServerOptions.defaults().withLog(line -> { }))
                .dispatcher(Daemons.minimal(DaemonIdentity.defaults())).build().start();
                SSLSocket socket = (SSLSocket) client().getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port(server)), 5_000);
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {version});
            socket.getOutputStream().write("GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            // Reading to the end shows the server ended the stream (close_notify) rather than resetting it.
            String response = readToEnd(socket.getInputStream());

            assertThat(socket.getSession().getProtocol()).isEqualTo(version);
            assertThat(socket.getApplicationProtocol()).isIn("", "http/1.1");
            assertThat(response).startsWith("HTTP/1.1 200 OK\r\n").contains("Api-Version: 1.50").endsWith("\r\n\r\nOK");
        }
    }

    static int port(DockMockServer server) {
        String host = server.boundHosts().get(0).toString();
        return Integer.parseInt(host.substring(host.lastIndexOf(':') + 1));
    }

    private static String readToEnd(InputStream in) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.US_ASCII);
    }

    /** A Java client holding the test client certificate and trusting the test CA. */
    private static SSLContext client() throws Exception {
        KeyStore identity = KeyStore.getInstance("PKCS12");
        identity.load(null, null);
        identity.setKeyEntry("client", PemFiles.privateKey(certs.client().key(), "key"), new char[] {'x'},
                PemFiles.certificates(certs.client().cert(), "cert").toArray(new java.security.cert.X509Certificate[0]));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(identity, new char[] {'x'});
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        List<java.security.cert.X509Certificate> cas = PemFiles.certificates(certs.client().ca(), "ca");
        anchors.setCertificateEntry("ca", cas.get(0));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }
}
