package dev.dockmock.server;

import static dev.dockmock.testing.RawHttpClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.dispatch.Route;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.testing.Await;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.RawResponse;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code close()} with requests in flight or idle connections: let finish, cut off, or ended at once. */
@Timeout(30)
class ServerShutdownRequestsTest {

    @ParameterizedTest
    @EnumSource(Wire.class)
    void closeLetsASlowRequestInFlightFinish(Wire wire) throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Route slow = Route.of("GET", "/slow", (request, params) -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ApiResponse.text(200, "done");
        });
        DockMockServer server = TestServers.start(wire, TestRoutes.daemon(slow), ServerShutdownTest.options());
        DockerHost host = TestServers.hostOf(server);
        try (RawHttpClient client = TestServers.connect(server)) {
            client.send(request("GET", "/slow"));
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Long> closing = ServerShutdownTest.closeInBackground(server);
            // refused first, then closing: the acceptor leaves accept() just after the kernel drops its socket
            Await.until(Duration.ofSeconds(5), () -> ServerShutdownTest.refusesConnections(host) && server.closing(),
                    "the listener to close and the server to count as closing");
            release.countDown();
            RawResponse answer = client.readResponse();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.bodyText()).isEqualTo("done");
            assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(client.readToEof()).isEmpty();
            // A client told "close" closes its end too; the server waits for that rather than risk a reset.
            client.close();
            assertThat(closing.get(10, TimeUnit.SECONDS)).isLessThan(ServerShutdownTest.GRACE.toMillis());
        } finally {
            release.countDown();
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void closeCutsOffADispatcherThatNeverAnswers(Wire wire) throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Route stuck = Route.of("GET", "/stuck", (request, params) -> {
            entered.countDown();
            while (release.getCount() > 0) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    // a badly behaved dispatcher that ignores interrupts
                }
            }
            return ApiResponse.text(200, "too late");
        });
        DockMockServer server = TestServers.start(wire, TestRoutes.daemon(stuck), ServerShutdownTest.options());
        try (RawHttpClient client = TestServers.connect(server)) {
            client.send(request("GET", "/stuck"));
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Long> closing = ServerShutdownTest.closeInBackground(server);
            assertThat(closing.get(10, TimeUnit.SECONDS)).isLessThan(ServerShutdownTest.CLOSE_LIMIT_MILLIS);
            assertThat(server.openConnections()).isZero();
        } finally {
            release.countDown();
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void closeEndsIdleKeepAliveConnectionsAtOnce(Wire wire) throws Exception {
        DockMockServer server = TestServers.start(wire, TestRoutes.daemon(), ServerShutdownTest.options());
        try (RawHttpClient client = TestServers.connect(server)) {
            assertThat(client.exchange(request("GET", "/_ping")).status()).isEqualTo(200);
            CompletableFuture<Long> closing = ServerShutdownTest.closeInBackground(server);
            assertThat(client.readToEof()).isEmpty();
            assertThat(closing.get(10, TimeUnit.SECONDS)).isLessThan(ServerShutdownTest.GRACE.toMillis());
        } finally {
            server.close();
        }
    }
}
