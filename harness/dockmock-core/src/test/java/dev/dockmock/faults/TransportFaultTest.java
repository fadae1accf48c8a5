package dev.dockmock.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.TransportFault;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.RawResponse;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each transport fault as a client on the wire sees it, and the server serving on afterwards. */
@Timeout(20)
class TransportFaultTest {
    private static final String PING = RawHttpClient.request("GET", "/_ping");
    private DockMockServer server;
    private final FaultRules rules = new FaultRules();

    private final Dispatcher answers = request -> request.path().equals("/attach")
            ? ApiResponse.hijacked("application/vnd.docker.raw-stream", stream -> {
                for (int i = 0; i < 1000; i++) {
                    stream.output().write("0123456789".getBytes(StandardCharsets.UTF_8));
                    Thread.sleep(1);
                }
            })
            : request.path().equals("/stream")
            ? ApiResponse.streamed(200, "application/json", sink -> {
                for (int i = 0; i < 100 && sink.isOpen(); i++) {
                    sink.send(("{\"n\":" + i + "}\n").getBytes(StandardCharsets.UTF_8));
                    Thread.sleep(10);
                }
            })
            : ApiResponse.text(200, "OK");

    private RawHttpClient start(Wire wire, RequestMatch match, TransportFault fault) throws IOException {
        rules.add(FaultRule.transport(match, 1, fault));
        server = TestServers.start(wire, new FaultDispatcher(rules, answers));
        return TestServers.connect(server);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void stillServes() throws IOException {
        try (RawHttpClient other = TestServers.connect(server)) {
            assertThat(other.exchange(PING).bodyText()).isEqualTo("OK");
        }
    }

    @Test
    void resetOnTcpIsAConnectionReset() throws IOException {
        try (RawHttpClient client = start(Wire.TCP, RequestMatch.of("GET", "/_ping"), new TransportFault.ConnectionReset())) {
            assertThatThrownBy(() -> client.exchange(PING)).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }
        stillServes();
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void emptyResponseIsEndOfStreamWithoutABye(Wire wire) throws IOException {
        try (RawHttpClient client = start(wire, RequestMatch.ANY, new TransportFault.EmptyResponse())) {
            assertThatThrownBy(() -> client.exchange(PING)).isInstanceOf(EOFException.class);
        }
        stillServes();
    }

    @Test
    void malformedChunkBreaksTheBody() throws IOException {
        try (RawHttpClient client = start(Wire.TCP, RequestMatch.ANY, new TransportFault.MalformedChunk())) {
            assertThatThrownBy(() -> client.exchange(PING)).isInstanceOf(NumberFormatException.class);
        }
        stillServes();
    }

    @Test
    void randomDataIsNoHttpAtAll() throws IOException {
        try (RawHttpClient client = start(Wire.UNIX, RequestMatch.ANY, new TransportFault.RandomDataThenClose(200))) {
            client.send(PING);
            assertThat(client.readToEof()).hasSize(200);
        }
        stillServes();
    }

    @Test
    void stallHoldsTheRequestWhileOthersAreServed() throws IOException {
        rules.add(FaultRule.transport(RequestMatch.ANY, 1, new TransportFault.Stall()));
        server = TestServers.start(Wire.TCP, new FaultDispatcher(rules, answers));
        try (RawHttpClient client = RawHttpClient.connect(TestServers.hostOf(server), Duration.ofMillis(300))) {
            assertThatThrownBy(() -> client.exchange(PING)).isInstanceOf(SocketTimeoutException.class);
            stillServes();
        }
    }

    @Test
    void fixedDelayAndDribbleSlowTheAnswerDown() throws IOException {
        try (RawHttpClient client = start(Wire.TCP, RequestMatch.ANY, new TransportFault.FixedDelay(Duration.ofMillis(200)))) {
            long start = System.nanoTime();
            assertThat(client.exchange(PING).bodyText()).isEqualTo("OK");
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(200_000_000L);
            rules.add(FaultRule.transport(RequestMatch.ANY, 1, new TransportFault.Dribble(20, Duration.ofMillis(10))));
            start = System.nanoTime();
            RawResponse dribbled = client.exchange(PING);
            assertThat(dribbled.bodyText()).isEqualTo("OK");
            // a head of about 150 bytes in 20-byte pieces, 10 ms apart
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(60_000_000L);
        }
    }

    @Test
    void lognormalDelaysVaryAroundTheirMedian() {
        TransportFault.LognormalDelay delay = new TransportFault.LognormalDelay(Duration.ofMillis(100), 0.5);
        java.util.Random random = new java.util.Random(7);
        long[] millis = java.util.stream.IntStream.range(0, 401).mapToLong(i -> delay.draw(random).toMillis()).sorted().toArray();
        assertThat(millis[200]).isBetween(85L, 115L);
        assertThat(millis[0]).isLessThan(millis[400]);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void closeMidStreamCutsAChunkedBody(Wire wire) throws IOException {
        try (RawHttpClient client = start(wire, RequestMatch.of("GET", "/stream"),
                new TransportFault.CloseMidStream(Long.MAX_VALUE, Duration.ofMillis(150)))) {
            client.send(RawHttpClient.request("GET", "/stream"));
            assertThat(client.readHead().status()).isEqualTo(200);
            int chunks = 0;
            try {
                while (client.readChunk() != null) {
                    chunks++;
                }
                throw new AssertionError("the stream ended cleanly");
            } catch (IOException cut) {
                assertThat(chunks).isBetween(1, 60);
            }
        }
        stillServes();
    }

    @Test
    void closeMidStreamAfterBytesCutsAFixedBody() throws IOException {
        try (RawHttpClient client = start(Wire.TCP, RequestMatch.ANY, new TransportFault.CloseMidStream(1, null))) {
            client.send(PING);
            RawResponse head = client.readHead();
            assertThat(head.header("Content-Length")).isEqualTo("2");
            assertThat(client.readToEof()).containsExactly('O');
        }
        stillServes();
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void closeMidStreamCutsAHijackedSession(Wire wire) throws IOException {
        try (RawHttpClient client = start(wire, RequestMatch.of("POST", "/attach"), new TransportFault.CloseMidStream(95, null))) {
            client.send(RawHttpClient.request("POST", "/attach", "Connection: Upgrade", "Upgrade: tcp"));
            assertThat(client.readHead().status()).isEqualTo(101);
            byte[] seen = new byte[4096];
            int total = 0;
            try {
                for (int n = client.read(seen, total, seen.length - total); n > 0; n = client.read(seen, total, seen.length - total)) {
                    total += n;
                }
            } catch (SocketException reset) {
                // a cut with unread input may reach the client as a reset: what counts is that the session ended early
            }
            assertThat(total).isLessThanOrEqualTo(95);
        }
        stillServes();
    }

    @Test
    void dribbleSlowsEachMessageOfAStream() throws IOException {
        try (RawHttpClient client = start(Wire.UNIX, RequestMatch.of("GET", "/stream"), new TransportFault.Dribble(3, Duration.ofMillis(1)))) {
            RawResponse stream = client.exchange(RawHttpClient.request("GET", "/stream"));
            assertThat(stream.bodyText()).startsWith("{\"n\":0}\n{\"n\":1}\n").endsWith("{\"n\":99}\n");
        }
    }
}
