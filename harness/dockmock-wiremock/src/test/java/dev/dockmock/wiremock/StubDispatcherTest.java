package dev.dockmock.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.dockmock.engine.Engine;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ResponseBody;
import dev.dockmock.protocol.TransportFault;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.testing.DockerCli;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.TestCertificates;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** WireMock stub mappings in front of the engine, over a unix socket, tcp and TLS, with the docker CLI as the client. */
@Timeout(60)
class StubDispatcherTest {
    @TempDir
    static Path dir;
    private static Engine engine;
    private static StubDispatcher stubs;
    private static DockMockServer plain;
    private static DockMockServer tls;
    private static TestCertificates certs;
    private static DockerCli docker;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(DockerCli.available(), "needs the docker CLI");
        engine = Engine.create();
        stubs = StubDispatcher.fromDirectory(Path.of("src/test/resources/stubs"), engine.dispatcher());
        plain = DockMockServer.builder().host(Wire.freshUnix()).host("tcp://127.0.0.1:0").options(TestServers.quietOptions())
                .dispatcher(stubs).build().start();
        certs = TestCertificates.generate(dir.resolve("certs"));
        tls = DockMockServer.builder().tls(certs.verifying()).host("tcp://127.0.0.1:0").options(TestServers.quietOptions())
                .dispatcher(stubs).build().start();
        docker = DockerCli.withHome(dir.resolve("home"), Duration.ofSeconds(30)).host(plain.boundHosts().get(0).toString());
    }

    @AfterAll
    static void stop() {
        if (plain != null) {
            tls.close();
            plain.close();
            stubs.close();
            engine.close();
        }
    }

    @Test
    void mappingsAnswerOverAUnixSocketAndUnmatchedRequestsFallThroughToTheEngine() throws Exception {
        DockerCli.Result version = docker.run("version", "--format", "{{.Server.Version}}");
        assertThat(version.stdout()).as(version.toString()).isEqualTo("99.0.0-stub\n");
        DockerCli.Result run = docker.run("run", "--rm", "alpine", "echo", "from the engine");
        assertThat(run.stdout()).as(run.toString()).isEqualTo("from the engine\n");
    }

    @Test
    void theSameStubsAnswerOverTls() throws Exception {
        DockerCli.Result version = DockerCli.withHome(dir.resolve("tls-home"), Duration.ofSeconds(30)).run("--tlsverify",
                "--tlscacert", certs.client().ca().toString(), "--tlscert", certs.client().cert().toString(),
                "--tlskey", certs.client().key().toString(), "-H", tls.boundHosts().get(0).toString(),
                "version", "--format", "{{.Server.Version}}");
        assertThat(version.stdout()).as(version.toString()).isEqualTo("99.0.0-stub\n");
    }

    @Test
    void aWireMockFaultResetsTheConnection() throws Exception {
        try (RawHttpClient client = RawHttpClient.connect(plain.boundHosts().get(1))) {
            assertThatThrownBy(() -> client.exchange(RawHttpClient.request("GET", "/v1.50/info")))
                    .isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }
        DockerCli.Result info = docker.run("info", "--format", "{{.OSType}}");
        assertThat(info.exitCode()).isNotZero();
        assertThat(info.output()).contains("EOF");
        assertThat(docker.run("ps").exitCode()).as("the server serves on").isZero();
    }

    @Test
    void aStubsDelayIsCarriedOutByDockmock() throws Exception {
        long start = System.nanoTime();
        DockerCli.Result images = docker.run("images", "-q");
        assertThat(images.exitCode()).as(images.toString()).isZero();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(300_000_000L);
        // WireMock does not sleep: the delay comes back as a transport fault for the server to carry out
        start = System.nanoTime();
        ResponseBody body = stubs.dispatch(ApiRequest.of("GET", "/v1.50/images/json")).body();
        assertThat(System.nanoTime() - start).isLessThan(300_000_000L);
        assertThat(body).isEqualTo(new ResponseBody.Faulted(new TransportFault.FixedDelay(Duration.ofMillis(300)),
                ((ResponseBody.Faulted) body).body()));
    }

    @Test
    void javaDslStubsAnswerToo() throws Exception {
        stubs.stubFor(post(urlPathEqualTo("/containers/create")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"stubbed refusal\"}")));
        stubs.stubFor(get(urlPathEqualTo("/volumes")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        try {
            DockerCli.Result run = docker.run("run", "--name", "refused", "alpine", "true");
            assertThat(run.stderr()).as(run.toString()).contains("Error response from daemon: stubbed refusal");
            assertThat(docker.run("volume", "ls").exitCode()).isNotZero();
        } finally {
            stubs.wireMock().resetToDefaultMappings();
        }
    }
}
