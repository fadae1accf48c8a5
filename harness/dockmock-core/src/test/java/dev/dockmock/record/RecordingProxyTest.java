package dev.dockmock.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.ClientInfo;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.protocol.Headers;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.session.Cassette;
import dev.dockmock.session.CassetteWriter;
import dev.dockmock.session.HijackEvent;
import dev.dockmock.session.Interaction;
import dev.dockmock.session.RecordedBody;
import dev.dockmock.testing.ShortDir;
import dev.dockmock.upstream.MessageSource;
import dev.dockmock.upstream.RawConnection;
import dev.dockmock.upstream.UpstreamBody;
import dev.dockmock.upstream.UpstreamClient;
import dev.dockmock.upstream.UpstreamResponse;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A client, the recording proxy and a scripted daemon, over real unix sockets. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RecordingProxyTest {
    private final ShortDir dir = ShortDir.create();
    private final CountDownLatch stdinEnded = new CountDownLatch(1);
    private DockMockServer daemon;
    private DockMockServer proxy;
    private CassetteWriter cassette;

    private final Dispatcher script = request -> switch (request.path()) {
        case "/info" -> ApiResponse.json(200, "{\"OSType\":\"linux\"}\n");
        case "/events" -> ApiResponse.streamed(200, "application/json", sink -> {
            sink.send("{\"Action\":\"start\"}\n".getBytes(StandardCharsets.UTF_8));
            Thread.sleep(30);
            sink.send("{\"Action\":\"die\"}\n".getBytes(StandardCharsets.UTF_8));
        });
        case "/containers/c1/logs" -> ApiResponse.streamed(200, "application/json", sink -> {
            sink.send("line 1\n".getBytes(StandardCharsets.UTF_8));
            Thread.sleep(60_000); // a follow that has nothing more to say; the hang-up interrupts it
        });
        case "/exec/e1/start" -> ApiResponse.hijacked("application/vnd.docker.raw-stream", stream -> {
            InputStream in = stream.input();
            byte[] buffer = new byte[64];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                stream.output().write(("got " + new String(buffer, 0, n, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            stdinEnded.countDown();
            stream.output().write("stdin closed\n".getBytes(StandardCharsets.UTF_8));
            stream.closeOutput();
        });
        default -> ApiResponse.error(404, "page not found");
    };

    private UpstreamClient start() throws Exception {
        return start(dir.socket("d.sock"));
    }

    private UpstreamClient start(String daemonHost) throws Exception {
        ServerOptions quiet = ServerOptions.defaults().withLog(line -> { });
        daemon = DockMockServer.builder().host(daemonHost).options(quiet).dispatcher(script).build().start();
        cassette = CassetteWriter.create(dir.path().resolve("c.jsonl"), daemon.boundHosts().get(0).toString());
        proxy = DockMockServer.builder().host(dir.socket("p.sock")).options(quiet)
                .dispatcher(RecordingProxy.to(daemon.boundHosts().get(0), Optional.empty(), cassette)).build().start();
        return UpstreamClient.of(proxy.boundHosts().get(0));
    }

    @AfterEach
    void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (daemon != null) {
            daemon.close();
        }
        if (cassette != null) {
            cassette.close();
        }
        dir.close();
    }

    private static ApiRequest request(String method, String target, String... headers) {
        return ApiRequest.of(method, target, Headers.of(headers), new byte[0], ClientInfo.inMemory());
    }

    private Cassette awaitInteractions(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Cassette loaded = Cassette.load(cassette.file());
        while (loaded.interactions().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
            loaded = Cassette.load(cassette.file());
        }
        return loaded;
    }

    @Test
    void forwardsAndRecordsBodiesAndStreams() throws Exception {
        UpstreamClient client = start();

        try (UpstreamResponse info = client.send(request("GET", "/v1.50/info"))) {
            assertThat(new String(((UpstreamBody.Bytes) info.body()).data(), StandardCharsets.UTF_8)).isEqualTo("{\"OSType\":\"linux\"}\n");
        }
        List<String> events = new ArrayList<>();
        try (UpstreamResponse stream = client.send(request("GET", "/events"))) {
            byte[] message;
            while ((message = ((UpstreamBody.Stream) stream.body()).messages().next()) != null) {
                events.add(new String(message, StandardCharsets.UTF_8));
            }
        }
        try (UpstreamResponse missing = client.send(request("GET", "/nothing"))) {
            assertThat(missing.status()).isEqualTo(404);
        }

        assertThat(events).containsExactly("{\"Action\":\"start\"}\n", "{\"Action\":\"die\"}\n");
        Cassette recorded = awaitInteractions(3);
        assertThat(recorded.header().source()).isEqualTo(daemon.boundHosts().get(0).toString());
        Interaction info = recorded.interactions().get(0);
        assertThat(info.request().target()).isEqualTo("/v1.50/info");
        assertThat(info.request().path()).isEqualTo("/info");
        assertThat(info.response().headers().first("Content-Type")).contains("application/json");
        assertThat(info.response().headers().has("Content-Length")).isFalse();
        RecordedBody.Stream stream = (RecordedBody.Stream) recorded.interactions().get(1).response().body();
        assertThat(stream.complete()).isTrue();
        assertThat(stream.chunks()).hasSize(2);
        // The daemon sends the second message 30 ms after the first, which follows the request's
        // arrival at the proxy. (The gap between the two offsets can be shorter: the first one
        // includes the proxy's own start of the stream, slow on a loaded machine.)
        assertThat(stream.chunks().get(1).at()).isGreaterThanOrEqualTo(30);
        assertThat(recorded.interactions().get(2).response().status()).isEqualTo(404);
    }

    @Test
    void hijackedConversationsPassHalfClosesBothWaysAndAreRecorded() throws Exception {
        UpstreamClient client = start();

        try (UpstreamResponse answer = client.send(request("POST", "/v1.50/exec/e1/start", "Connection", "Upgrade", "Upgrade", "tcp"))) {
            assertThat(answer.status()).isEqualTo(101);
            RawConnection raw = ((UpstreamBody.Raw) answer.body()).connection();
            raw.output().write("one".getBytes(StandardCharsets.UTF_8));
            InputStream in = raw.input();
            byte[] first = new byte[8];
            int n = in.readNBytes(first, 0, 8);
            assertThat(new String(first, 0, n, StandardCharsets.UTF_8)).isEqualTo("got one\n");
            raw.shutdownOutput();
            assertThat(stdinEnded.await(5, TimeUnit.SECONDS)).as("the daemon saw the client's half-close").isTrue();
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            in.transferTo(rest);
            assertThat(rest.toString(StandardCharsets.UTF_8)).isEqualTo("stdin closed\n");
        }

        Interaction exec = awaitInteractions(1).interactions().get(0);
        assertThat(exec.response().status()).isEqualTo(101);
        RecordedBody.Conversation conversation = (RecordedBody.Conversation) exec.response().body();
        assertThat(conversation.upgraded()).isTrue();
        assertThat(conversation.events()).extracting(HijackEvent::direction).containsExactly(
                HijackEvent.Direction.IN, HijackEvent.Direction.OUT, HijackEvent.Direction.IN_EOF,
                HijackEvent.Direction.OUT, HijackEvent.Direction.OUT_EOF);
        assertThat(conversation.events()).extracting(e -> new String(e.data(), StandardCharsets.UTF_8))
                .containsExactly("one", "got one\n", "", "stdin closed\n", "");
    }

    /**
     * The client leaves a stream the daemon keeps open ({@code logs -f}, {@code events}, or a
     * {@code wait} it no longer needs). The stream is recorded at once as cut short, and so is
     * everything after it, whether the upstream is a unix socket (which an interrupt closes) or
     * tcp (which an interrupt does not wake on JDK 17).
     */
    @ParameterizedTest
    @ValueSource(strings = {"unix", "tcp"})
    void aStreamWhoseClientHangsUpIsRecordedCutShortAndLaterInteractionsStillAre(String upstream) throws Exception {
        UpstreamClient client = start(upstream.equals("unix") ? dir.socket("d.sock") : "tcp://127.0.0.1:0");

        try (UpstreamResponse logs = client.send(request("GET", "/v1.50/containers/c1/logs?follow=1&stdout=1"))) {
            MessageSource messages = ((UpstreamBody.Stream) logs.body()).messages();
            assertThat(new String(messages.next(), StandardCharsets.UTF_8)).isEqualTo("line 1\n");
        } // hangs up with the stream still open
        Cassette cutShort = awaitInteractions(1);
        try (UpstreamResponse info = client.send(request("GET", "/v1.50/info"))) {
            assertThat(info.status()).isEqualTo(200);
        }
        Cassette recorded = awaitInteractions(2);

        assertThat(cutShort.interactions()).as("recorded while the proxy still runs").hasSize(1);
        assertThat(recorded.interactions()).extracting(i -> i.request().path())
                .containsExactly("/containers/c1/logs", "/info");
        RecordedBody.Stream logs = (RecordedBody.Stream) recorded.interactions().get(0).response().body();
        assertThat(logs.complete()).isFalse();
        assertThat(logs.chunks()).extracting(c -> new String(c.data(), StandardCharsets.UTF_8)).containsExactly("line 1\n");
    }

    @Test
    void anUnreachableDaemonIsA502ThatNamesIt() throws Exception {
        ServerOptions quiet = ServerOptions.defaults().withLog(line -> { });
        cassette = CassetteWriter.create(dir.path().resolve("c.jsonl"), "nowhere");
        DockerHost nowhere = DockerHost.parse(dir.socket("none.sock"));
        proxy = DockMockServer.builder().host(dir.socket("p.sock")).options(quiet)
                .dispatcher(RecordingProxy.to(nowhere, Optional.empty(), cassette)).build().start();

        try (UpstreamResponse answer = UpstreamClient.of(proxy.boundHosts().get(0)).send(request("GET", "/_ping"))) {
            assertThat(answer.status()).isEqualTo(502);
            assertThat(new String(((UpstreamBody.Bytes) answer.body()).data(), StandardCharsets.UTF_8))
                    .contains("dockmock proxy: no answer from " + nowhere);
        }
    }
}
