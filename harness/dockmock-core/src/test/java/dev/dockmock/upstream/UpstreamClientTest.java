package dev.dockmock.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ClientInfo;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.protocol.Headers;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.testing.ShortDir;
import dev.dockmock.testing.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UpstreamClientTest {
    private final ShortDir dir = ShortDir.create();
    private final List<DockMockServer> servers = new ArrayList<>();

    @TempDir
    Path certRoot;

    /** Answers by path: bytes, a stream, and hijacks that upper-case stdin until it ends. */
    static final Dispatcher SCRIPT = request -> switch (request.path()) {
        case "/_ping" -> ApiResponse.builder(200).header("Api-Version", "1.50").body("OK").build();
        case "/bytes" -> ApiResponse.json(200, "{\"echo\":\"" + request.bodyText() + "\"}");
        case "/stream" -> ApiResponse.streamed(200, "application/json", sink -> {
            for (String m : List.of("{\"n\":1}\n", "{\"n\":2}\n", "{\"n\":3}\n")) {
                sink.send(m.getBytes(StandardCharsets.UTF_8));
            }
        });
        case "/containers/c1/attach", "/raw" -> ApiResponse.hijacked("application/vnd.docker.raw-stream", stream -> {
            InputStream in = stream.input();
            byte[] buffer = new byte[1024];
            int n;
            stream.output().write("ready\n".getBytes(StandardCharsets.UTF_8));
            if (stream.upgraded()) {
                while ((n = in.read(buffer)) >= 0) {
                    stream.output().write(new String(buffer, 0, n, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT)
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            stream.output().write("bye\n".getBytes(StandardCharsets.UTF_8));
        });
        default -> ApiResponse.error(404, "page not found");
    };

    @AfterEach
    void stop() {
        servers.forEach(DockMockServer::close);
        dir.close();
    }

    private DockerHost start(String host, dev.dockmock.server.TlsSettings tls) throws IOException {
        DockMockServer.Builder builder = DockMockServer.builder();
        if (tls != null) {
            builder.tls(tls);
        }
        DockMockServer server = builder.host(host).options(ServerOptions.defaults().withLog(line -> { }))
                .dispatcher(SCRIPT).build().start();
        servers.add(server);
        return server.boundHosts().get(0);
    }

    private DockerHost host(String kind) throws IOException {
        return start(kind.equals("unix") ? dir.socket("u.sock") : "tcp://127.0.0.1:0", null);
    }

    private static ApiRequest request(String method, String target, String body, String... headers) {
        return ApiRequest.of(method, target, Headers.of(headers), body.getBytes(StandardCharsets.UTF_8), ClientInfo.inMemory());
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unix", "tcp"})
    void wholeBodies(String kind) throws Exception {
        UpstreamClient client = UpstreamClient.of(host(kind));

        try (UpstreamResponse answer = client.send(request("POST", "/v1.50/bytes", "hi", "Content-Type", "text/plain"))) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.headers().first("Content-Type")).contains("application/json");
            assertThat(new String(((UpstreamBody.Bytes) answer.body()).data(), StandardCharsets.UTF_8)).isEqualTo("{\"echo\":\"hi\"}");
        }
        try (UpstreamResponse ping = client.send(request("HEAD", "/_ping", ""))) {
            assertThat(ping.body()).isInstanceOf(UpstreamBody.Empty.class);
            assertThat(ping.headers().first("Api-Version")).contains("1.50");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"unix", "tcp"})
    void chunkedBodiesComeChunkByChunk(String kind) throws Exception {
        UpstreamClient client = UpstreamClient.of(host(kind));

        try (UpstreamResponse answer = client.send(request("GET", "/stream", ""))) {
            UpstreamBody.Stream stream = (UpstreamBody.Stream) answer.body();
            assertThat(stream.chunked()).isTrue();
            List<String> messages = new ArrayList<>();
            byte[] message;
            while ((message = stream.messages().next()) != null) {
                messages.add(new String(message, StandardCharsets.UTF_8));
            }
            assertThat(messages).containsExactly("{\"n\":1}\n", "{\"n\":2}\n", "{\"n\":3}\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"unix", "tcp"})
    void upgradedConnectionsCarryBothDirectionsAndHalfClose(String kind) throws Exception {
        UpstreamClient client = UpstreamClient.of(host(kind));

        try (UpstreamResponse answer = client.send(request("POST", "/v1.50/containers/c1/attach?stdin=1", "",
                "Connection", "Upgrade", "Upgrade", "tcp"))) {
            assertThat(answer.status()).isEqualTo(101);
            RawConnection raw = ((UpstreamBody.Raw) answer.body()).connection();
            assertThat(raw.upgraded()).isTrue();
            raw.output().write("abc".getBytes(StandardCharsets.UTF_8));
            raw.shutdownOutput();
            assertThat(readAll(raw.input())).isEqualTo("ready\nABCbye\n");
        }
    }

    @Test
    void plainHijackOfAttachIsARawConnectionAndOtherPathsAStreamToClose() throws Exception {
        UpstreamClient client = UpstreamClient.of(host("unix"));

        try (UpstreamResponse attach = client.send(request("POST", "/containers/c1/attach?stdout=1", ""))) {
            assertThat(attach.status()).isEqualTo(200);
            RawConnection raw = ((UpstreamBody.Raw) attach.body()).connection();
            assertThat(raw.upgraded()).isFalse();
            assertThat(readAll(raw.input())).isEqualTo("ready\nbye\n");
        }
        try (UpstreamResponse other = client.send(request("POST", "/raw", ""))) {
            UpstreamBody.Stream stream = (UpstreamBody.Stream) other.body();
            assertThat(stream.chunked()).isFalse();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] message;
            while ((message = stream.messages().next()) != null) {
                all.writeBytes(message);
            }
            assertThat(all.toString(StandardCharsets.UTF_8)).isEqualTo("ready\nbye\n");
        }
    }

    @Test
    void tlsWithClientCertificates() throws Exception {
        TestCertificates certs = TestCertificates.generate(certRoot);
        DockerHost.Tcp host = (DockerHost.Tcp) start("tcp://127.0.0.1:0", certs.verifying());
        UpstreamTls tls = UpstreamTls.fromCertPath(certs.client().dir(), true);

        UpstreamClient byName = UpstreamClient.of(new DockerHost.Tcp("localhost", host.port()), tls);
        try (UpstreamResponse answer = byName.send(request("POST", "/bytes", "tls"))) {
            assertThat(new String(((UpstreamBody.Bytes) answer.body()).data(), StandardCharsets.UTF_8)).contains("tls");
        }
        UpstreamClient withoutCertificate = UpstreamClient.of(host, UpstreamTls.fromCertPath(certs.caOnly().dir(), true));
        assertThatThrownBy(() -> withoutCertificate.send(request("GET", "/_ping", ""))).isInstanceOf(IOException.class);
    }

    @Test
    void unreachableDaemonNamesTheHost() {
        DockerHost nowhere = DockerHost.parse(dir.socket("none.sock"));

        assertThatThrownBy(() -> UpstreamClient.of(nowhere).send(request("GET", "/_ping", "")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot connect to " + nowhere);
    }
}
