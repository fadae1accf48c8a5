package dev.dockmock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.RawResponse;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server closed while thirty clients keep sending requests and one follows events: every
 * request either gets its whole answer or finds its connection closed before any byte of an
 * answer (or refused); no answer is cut in half, and the event stream ends with its last chunk.
 */
@Timeout(120)
class ShutdownUnderLoadTest {
    private static final int CLIENTS = 30;

    @ParameterizedTest
    @EnumSource(Wire.class)
    void everyRequestInFlightFinishesOrIsCleanlyRefused(Wire wire) throws Exception {
        LoadTally tally = new LoadTally(false);
        AtomicBoolean stopped = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        Future<String> events;
        try (Engine engine = Engine.create(EngineConfig.defaults().withPorts(HostPorts.none())
                .withSeedImages(List.of(MixedLoad.IMAGE)))) {
            DockMockServer server = TestServers.start(wire, engine.dispatcher());
            DockerHost host = server.boundHosts().get(0);
            events = pool.submit(() -> followUntilEnd(host));
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                pool.submit(() -> requestsUntilRefused(host, client, tally, stopped));
            }
            Thread.sleep(1500);
            server.close();
            stopped.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        System.out.printf("%s shutdown under load: %s%n", wire, tally.byOperation());
        assertThat(tally.failures()).as("answers cut: %s", tally.failureExamples()).isZero();
        assertThat(tally.byOperation().getOrDefault("answered", 0L)).isPositive();
        assertThat(tally.byOperation().getOrDefault("refused", 0L)).isPositive();
        assertThat(events.get()).isEqualTo("ended with the last chunk");
    }

    private static void requestsUntilRefused(DockerHost host, int client, LoadTally tally, AtomicBoolean stopped) {
        boolean refused = false;
        while (!refused) {
            RawHttpClient connected;
            try {
                connected = RawHttpClient.connect(host, Duration.ofSeconds(20));
            } catch (IOException e) {
                // refused: the listener is closed (tcp) or its socket file removed (unix)
                tally.count("refused");
                return;
            }
            try (RawHttpClient http = connected) {
                for (int i = 0; ; i++) {
                    String body = "{\"Image\":\"" + MixedLoad.IMAGE + "\",\"Cmd\":[\"true\"]}";
                    String request = i % 2 == 0 ? RawHttpClient.request("GET", "/v1.50/containers/json?all=1")
                            : RawHttpClient.request("POST", "/v1.50/containers/create", "Content-Type: application/json",
                                    "Content-Length: " + body.length()) + body;
                    RawResponse response;
                    try {
                        http.send(request);
                    } catch (IOException closedBeforeWeWrote) {
                        tally.count("refused");
                        refused = stopped.get();
                        break;
                    }
                    try {
                        response = http.readResponse();
                    } catch (EOFException e) {
                        if (e.getMessage().startsWith("connection closed before a response")) {
                            tally.count("refused");   // closed at a request boundary: nothing of an answer was sent
                            refused = stopped.get();
                            break;
                        }
                        tally.fail("cut", e.getMessage());
                        return;
                    }
                    tally.count("answered");
                    if (response.status() != 200 && response.status() != 201) {
                        tally.fail("status", response.toString());
                    }
                    if ("close".equalsIgnoreCase(response.header("Connection"))) {
                        break;
                    }
                }
            } catch (SocketException e) {
                tally.fail("reset", client + ": " + e);
                return;
            } catch (IOException e) {
                tally.fail("io", client + ": " + e);
                return;
            }
        }
    }

    private static String followUntilEnd(DockerHost host) throws IOException {
        try (RawHttpClient client = RawHttpClient.connect(host, Duration.ofSeconds(30))) {
            client.send(RawHttpClient.request("GET", "/v1.50/events"));
            assertThat(client.readHead().status()).isEqualTo(200);
            while (client.readChunk() != null) {
                // events of the load
            }
            return "ended with the last chunk";
        }
    }
}
