package dev.dockmock.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.Engine;
import dev.dockmock.engine.EngineConfig;
import dev.dockmock.engine.net.HostPorts;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.server.ServerOptions;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.RawResponse;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Clients that abuse the server all at once, on each transport: a flood of connections beyond the
 * limit, slowloris heads and bodies sent a byte at a time, and clients that vanish mid-stream
 * (events, logs -f). Normal clients are served throughout, and afterwards no connection is left.
 */
@Timeout(120)
class AbusiveClientsTest {
    private static final int LIMIT = 40;
    private static final int KEPT = 10;
    private static final int FLOOD = 300;

    @ParameterizedTest
    @EnumSource(Wire.class)
    void floodSlowlorisAndVanishingClientsLeaveNormalClientsServed(Wire wire) throws Exception {
        ServerOptions options = TestServers.quietOptions().withMaxConnections(LIMIT)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(2));
        try (Engine engine = Engine.create(EngineConfig.defaults().withPorts(HostPorts.none())
                .withSeedImages(List.of(MixedLoad.IMAGE)));
                DockMockServer server = TestServers.start(wire, engine.dispatcher(), options)) {
            DockerHost host = server.boundHosts().get(0);
            try (ApiCaller setup = new ApiCaller(host)) {
                assertThat(setup.post("/v1.50/containers/create?name=talker", "{\"Image\":\"" + MixedLoad.IMAGE
                        + "\",\"Cmd\":[\"sh\",\"-c\",\"while true; do echo tick; sleep 0.05; done\"]}").status()).isEqualTo(201);
                assertThat(setup.post("/v1.50/containers/talker/start").status()).isEqualTo(204);
            }
            List<RawHttpClient> kept = new ArrayList<>();
            for (int i = 0; i < KEPT; i++) {
                kept.add(RawHttpClient.connect(host));
                assertThat(kept.get(i).exchange(RawHttpClient.request("GET", "/_ping")).status()).isEqualTo(200);
            }

            ExecutorService pool = Executors.newFixedThreadPool(40);
            List<Future<String>> slow = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int which = i;
                slow.add(pool.submit(() -> slowloris(host, which)));
            }
            List<Future<?>> vanishing = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String target = i % 2 == 0 ? "/v1.50/events" : "/v1.50/containers/talker/logs?follow=1&stdout=1";
                vanishing.add(pool.submit(() -> vanishMidStream(host, target)));
            }
            for (Future<?> vanished : vanishing) {
                vanished.get(30, TimeUnit.SECONDS);
            }
            int served = 0;
            int refused = 0;
            List<RawHttpClient> flood = new ArrayList<>();
            for (int i = 0; i < FLOOD; i++) {
                RawHttpClient extra = RawHttpClient.connect(host);
                flood.add(extra);
                RawResponse response = extra.exchange(RawHttpClient.request("GET", "/_ping"));
                if (response.status() == 503) {
                    refused++;
                    assertThat(extra.readToEof()).isEmpty();
                } else {
                    assertThat(response.status()).isEqualTo(200);
                    served++;
                }
                if (i % 50 == 0) {
                    for (RawHttpClient client : kept) {
                        assertThat(client.exchange(RawHttpClient.request("GET", "/_ping")).status()).isEqualTo(200);
                    }
                }
            }
            for (Future<String> client : slow) {
                assertThat(client.get(30, TimeUnit.SECONDS)).startsWith("HTTP/1.1 408");
            }
            pool.shutdown();
            System.out.printf("%s: flood of %d beyond %d kept: %d served, %d refused with 503%n", wire, FLOOD, KEPT, served, refused);
            assertThat(served + KEPT).isLessThanOrEqualTo(LIMIT);
            assertThat(refused).isGreaterThanOrEqualTo(FLOOD - LIMIT);
            for (RawHttpClient client : kept) {
                assertThat(client.exchange(RawHttpClient.request("GET", "/_ping")).status()).isEqualTo(200);
                client.close();
            }
            for (RawHttpClient client : flood) {
                client.close();
            }
            HttpFuzzTest.awaitNoConnections(server);
        }
    }

    /** A head sent a byte at a time, 50 ms apart: never finishes within the 1 s header time-out. */
    private static String slowloris(DockerHost host, int which) throws IOException, InterruptedException {
        byte[] text = (which % 2 == 0 ? RawHttpClient.request("GET", "/_ping", "X-Slow: " + "s".repeat(200))
                : RawHttpClient.request("POST", "/v1.50/volumes/create", "Content-Length: 400") + "{\"Name\":\"")
                .getBytes(StandardCharsets.ISO_8859_1);
        try (RawHttpClient client = RawHttpClient.connect(host)) {
            try {
                for (byte b : text) {
                    client.send(new byte[] {b});
                    Thread.sleep(50);
                }
                for (int i = 0; i < 400; i++) {
                    client.send("x");
                    Thread.sleep(50);
                }
            } catch (IOException cut) {
                // the server answered 408 and stopped reading
            }
            return client.readLine();
        }
    }

    /** Opens a stream, reads a little of it, and closes without a word. */
    private static Void vanishMidStream(DockerHost host, String target) throws IOException {
        RawHttpClient client = RawHttpClient.connect(host);
        client.send(RawHttpClient.request("GET", target));
        assertThat(client.readHead().status()).isEqualTo(200);
        if (target.contains("logs")) {
            assertThat(client.readChunk()).isNotNull();
        }
        client.close();
        return null;
    }
}
