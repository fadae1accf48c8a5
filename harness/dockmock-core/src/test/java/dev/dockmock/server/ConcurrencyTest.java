package dev.dockmock.server;

import static dev.dockmock.testing.RawHttpClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.protocol.DockerHost;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.RawResponse;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Many clients at once all get their answers. */
@Timeout(90)
class ConcurrencyTest {
    private static final int CLIENTS = 50;
    private static final int REQUESTS = 20;

    @ParameterizedTest
    @EnumSource(Wire.class)
    void fiftyClientsTimesTwentyRequestsAreAllAnswered(Wire wire) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(TestRoutes.echo()))) {
            DockerHost host = TestServers.hostOf(server);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                boolean keepAlive = c % 2 == 0;
                int id = c;
                results.add(pool.submit(() -> {
                    go.await();
                    return keepAlive ? onOneConnection(host, id) : connectionPerRequest(host, id);
                }));
            }
            go.countDown();
            int answered = 0;
            for (Future<Integer> result : results) {
                answered += result.get(60, TimeUnit.SECONDS);
            }
            assertThat(answered).isEqualTo(CLIENTS * REQUESTS);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static int onOneConnection(DockerHost host, int id) throws Exception {
        int answered = 0;
        try (RawHttpClient client = RawHttpClient.connect(host)) {
            for (int i = 0; i < REQUESTS; i++) {
                answered += exchange(client, id, i);
            }
        }
        return answered;
    }

    private static int connectionPerRequest(DockerHost host, int id) throws Exception {
        int answered = 0;
        for (int i = 0; i < REQUESTS; i++) {
            try (RawHttpClient client = RawHttpClient.connect(host)) {
                answered += exchange(client, id, i);
            }
        }
        return answered;
    }

    private static int exchange(RawHttpClient client, int id, int i) throws Exception {
        if (i % 2 == 0) {
            RawResponse ping = client.exchange(request("GET", "/_ping"));
            assertThat(ping.bodyText()).isEqualTo("OK");
            return ping.status() == 200 ? 1 : 0;
        }
        String body = "client " + id + " request " + i;
        RawResponse echo = client.exchange(request("POST", "/echo", "Content-Length: " + body.length()) + body);
        assertThat(echo.bodyText()).isEqualTo(body);
        return echo.status() == 200 ? 1 : 0;
    }
}
