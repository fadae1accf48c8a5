package dev.dockmock.server;

import dev.dockmock.engine.DaemonIdentity;
import dev.dockmock.engine.Daemons;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Run in a JVM of its own whose security properties allow TLS 1.1 (the JDK's defaults refuse it
 * everywhere, which would make any "TLS 1.1 fails" test pass for the wrong reason). It shakes
 * hands with TLS 1.1 twice: with a bare JDK server socket built on the same context (the control,
 * which must succeed) and with a dockmock listener (which must refuse). Prints one line for each.
 *
 * <p>Arguments: server certificate, server key, CA certificate (PEM paths).
 */
public final class LegacyTlsProbe {

    private LegacyTlsProbe() {
    }

    public static void main(String[] args) throws Exception {
        TlsSettings settings = TlsSettings.server(Path.of(args[0]), Path.of(args[1]));
        SSLContext client = clientTrusting(Path.of(args[2]));
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        SSLContext context = TlsContexts.server(settings);
        try (SSLServerSocket control = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5, loopback);
                DockMockServer server = DockMockServer.builder().tls(settings).host("tcp://127.0.0.1:0")
                        .options(ServerOptions.defaults().withLog(line -> { }))
                        .dispatcher(Daemons.minimal(DaemonIdentity.defaults())).build().start()) {
            control.setEnabledProtocols(new String[] {"TLSv1.2", "TLSv1.1"});
            Thread acceptor = new Thread(() -> {
                try (SSLSocket accepted = (SSLSocket) control.accept()) {
                    accepted.setSoTimeout(10_000);
                    accepted.startHandshake();
                } catch (IOException ignored) {
                    // the client reports what happened
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            System.out.println("control: " + handshake(client, control.getLocalPort()));
            int port = Integer.parseInt(server.boundHosts().get(0).toString().replaceAll(".*:", ""));
            System.out.println("dockmock: " + handshake(client, port));
        }
    }

    private static String handshake(SSLContext client, int port) {
        try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {"TLSv1.1"});
            socket.startHandshake();
            return "connected with " + socket.getSession().getProtocol();
        } catch (IOException e) {
            return "failed: " + e;
        }
    }

    private static SSLContext clientTrusting(Path ca) throws IOException, GeneralSecurityException {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        int i = 0;
        for (X509Certificate certificate : PemFiles.certificates(ca, "CA")) {
            anchors.setCertificateEntry("ca-" + i++, certificate);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
