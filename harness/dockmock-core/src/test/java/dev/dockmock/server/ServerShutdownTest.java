package dev.dockmock.server;

import static dev.dockmock.testing.RawHttpClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.dispatch.Route;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code close()} with streams and hijacked connections open: each ends cleanly within the grace period. */
@Timeout(30)
class ServerShutdownTest {
    static final Duration GRACE = Duration.ofSeconds(2);
    /** The last resort after the grace period waits up to a second more; allow for a busy machine. */
    static final long CLOSE_LIMIT_MILLIS = GRACE.toMillis() + 2500;

    static ServerOptions options() {
        return TestServers.quietOptions().withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), GRACE);
    }

    /** Closes the server on another thread; the future completes with how long close() took. */
    static CompletableFuture<Long> closeInBackground(DockMockServer server) {
        return CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            server.close();
            return Duration.ofNanos(System.nanoTime() - start).toMillis();
        });
    }

    static boolean refusesConnections(DockerHost host) {
        try (RawHttpClient probe = RawHttpClient.connect(host)) {
            return false;
        } catch (IOException refused) {
            return true;
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void closeEndsAHijackedSessionReadingStdin(Wire wire) throws Exception {
        DockMockServer server = TestServers.start(wire, TestRoutes.daemon(TestRoutes.attach()), options());
        try (RawHttpClient client = TestServers.connect(server)) {
            client.send(HijackTest.ATTACH_UPGRADE);
            HijackTest.assertUpgraded(client.readHead());
            client.send("x");
            assertThat(HijackTest.readFrames(client, 1)).isEqualTo("x");
            CompletableFuture<Long> closing = closeInBackground(server);
            assertThat(client.readToEof()).isEmpty();
            assertThat(closing.get(10, TimeUnit.SECONDS)).isLessThan(CLOSE_LIMIT_MILLIS);
        } finally {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void closeEndsAHijackedSessionWaitingOnSomethingElse(Wire wire) throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Route attach = Route.of("POST", "/containers/{id}/attach", (request, params) -> ApiResponse.hijacked(
                TestRoutes.MULTIPLEXED, stream -> {
                    stream.output().write(TestRoutes.frame(1, "started".getBytes(StandardCharsets.UTF_8)));
                    entered.countDown();
                    never.await(); // like attach waiting for the container to exit
                }));
        DockMockServer server = TestServers.start(wire, TestRoutes.daemon(attach), options());
        try (RawHttpClient client = TestServers.connect(server)) {
            client.send(HijackTest.ATTACH_UPGRADE);
            HijackTest.assertUpgraded(client.readHead());
            assertThat(HijackTest.readFrames(client, 7)).isEqualTo("started");
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Long> closing = closeInBackground(server);
            assertThat(client.readToEof()).isEmpty();
            assertThat(closing.get(10, TimeUnit.SECONDS)).isLessThan(CLOSE_LIMIT_MILLIS);
        } finally {
            never.countDown();
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void closeEndsAStreamThatKeepsSending(Wire wire) throws Exception {
        Route ticks = Route.of("GET", "/events", (request, params) -> ApiResponse.streamed(200, "application/json", sink -> {
            while (sink.isOpen()) {
                sink.send("{\"tick\":1}\n".getBytes(StandardCharsets.UTF_8));
                Thread.sleep(20); // a source producing events over time
            }
        }));
        assertStreamEndsCleanlyOnClose(wire, ticks);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void closeEndsAStreamWhoseWriterOnlyStopsWhenSendFails(Wire wire) throws Exception {
        Route ticks = Route.of("GET", "/events", (request, params) -> ApiResponse.streamed(200, "application/json", sink -> {
            while (true) {
                sink.send("{\"tick\":1}\n".getBytes(StandardCharsets.UTF_8));
                Thread.sleep(20); // a source producing events over time
            }
        }));
        assertStreamEndsCleanlyOnClose(wire, ticks);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void closeEndsAStreamWaitingForItsNextMessage(Wire wire) throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Route quiet = Route.of("GET", "/events", (request, params) -> ApiResponse.streamed(200, "application/json", sink -> {
            sink.send("{\"first\":1}\n".getBytes(StandardCharsets.UTF_8));
            never.await(); // like /events with nothing happening
        }));
        try {
            assertStreamEndsCleanlyOnClose(wire, quiet);
        } finally {
            never.countDown();
        }
    }

    private void assertStreamEndsCleanlyOnClose(Wire wire, Route events) throws Exception {
        DockMockServer server = TestServers.start(wire, TestRoutes.daemon(events), options());
        try (RawHttpClient client = TestServers.connect(server)) {
            client.send(request("GET", "/events"));
            assertThat(client.readHead().status()).isEqualTo(200);
            assertThat(client.readChunk()).isNotEmpty();
            CompletableFuture<Long> closing = closeInBackground(server);
            // The stream ends as a stream should, with the last chunk, so clients see an end and not a broken body.
            while (client.readChunk() != null) {
                // messages sent before the server noticed it is closing
            }
            assertThat(client.readToEof()).isEmpty();
            assertThat(closing.get(10, TimeUnit.SECONDS)).isLessThan(CLOSE_LIMIT_MILLIS);
        } finally {
            server.close();
        }
    }

}
