package dev.dockmock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockmock.engine.DaemonIdentity;
import dev.dockmock.engine.Daemons;
import dev.dockmock.testing.TestCertificates;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * With TLS 1.3 a client learns that its certificate was refused only after it has sent its
 * request. The server drains that request before it closes, so the client reads the alert
 * instead of a reset ("broken pipe", "connection reset") that hides why it was refused.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RefusedTlsClientTest {
    @TempDir
    Path dir;

    @Test
    void aClientWithoutCertificateReadsTheAlertAfterSendingALargeRequest() throws Exception {
        TestCertificates certs = TestCertificates.generate(dir);
        SSLContext noCertificate = ClientTls.context(Optional.of(certs.caOnly().ca()), Optional.empty(), Optional.empty());
        try (DockMockServer server = DockMockServer.builder().tls(certs.verifying()).host("tcp://127.0.0.1:0")
                .options(ServerOptions.defaults().withLog(line -> { }))
                .dispatcher(Daemons.minimal(DaemonIdentity.defaults())).build().start()) {
            for (int attempt = 0; attempt < 20; attempt++) {
                try (SSLSocket socket = (SSLSocket) noCertificate.getSocketFactory().createSocket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", TlsProtocolTest.port(server)), 5_000);
                    socket.setSoTimeout(10_000);
                    socket.startHandshake();
                    OutputStream out = socket.getOutputStream();
                    String body = "x".repeat(256 * 1024);
                    out.write(("POST /v1.50/containers/create HTTP/1.1\r\nHost: docker\r\nContent-Length: " + body.length()
                            + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    InputStream in = socket.getInputStream();

                    assertThatThrownBy(in::read).isInstanceOf(SSLException.class)
                            .hasMessageContaining("alert").hasMessageNotContaining("reset");
                }
            }
            assertThat(server.openConnections()).isLessThanOrEqualTo(20);
        }
    }
}
