package dev.dockmock.server;

import static dev.dockmock.testing.RawHttpClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.RawResponse;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Slow and idle clients are cut off by the header and idle time-outs. */
@Timeout(30)
class TimeoutTest {
    private static final Duration HEADER = Duration.ofMillis(500);
    private static final Duration IDLE = Duration.ofMillis(800);
    /**
     * The reaper looks four times a second; the rest is for a shared machine under heavy load (load
     * averages of 20+ on 2 cores were seen). The bounds still tell the configured time-outs from the
     * 30 s and 2 min defaults, and stay below the client's own 10 s read time-out.
     */
    private static final long SLACK_MILLIS = 7500;

    private static ServerOptions shortTimeouts() {
        return TestServers.quietOptions().withTimeouts(HEADER, IDLE, Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void slowlorisHeadGets408WithinTheHeaderTimeout(Wire wire) throws Exception {
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(), shortTimeouts());
                RawHttpClient client = TestServers.connect(server)) {
            long start = System.nanoTime();
            client.send("GET /_ping HTTP/1.1\r\nHost: dock");
            RawResponse answer = client.readResponse();
            long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.header("Content-Type")).isEqualTo("application/json");
            assertThat(TestRoutes.message(answer.body())).contains("timed out");
            assertThat(client.readToEof()).isEmpty();
            assertThat(elapsed).isBetween(HEADER.toMillis() - 50, HEADER.toMillis() + SLACK_MILLIS);
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void slowBodyGets408WithinTheHeaderTimeout(Wire wire) throws Exception {
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(TestRoutes.echo()), shortTimeouts());
                RawHttpClient client = TestServers.connect(server)) {
            long start = System.nanoTime();
            client.send(request("POST", "/echo", "Content-Length: 10") + "abc");
            RawResponse answer = client.readResponse();
            long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(answer.status()).isEqualTo(408);
            assertThat(elapsed).isLessThan(HEADER.toMillis() + SLACK_MILLIS);
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void idleKeepAliveConnectionIsClosedAfterTheIdleTimeout(Wire wire) throws Exception {
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(), shortTimeouts());
                RawHttpClient client = TestServers.connect(server)) {
            assertThat(client.exchange(request("GET", "/_ping")).status()).isEqualTo(200);
            long start = System.nanoTime();
            assertThat(client.readToEof()).isEmpty();
            long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(elapsed).isBetween(IDLE.toMillis() - 50, IDLE.toMillis() + SLACK_MILLIS);
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void busyKeepAliveConnectionOutlivesTheIdleTimeout(Wire wire) throws Exception {
        // A longer idle time-out here, so that a loaded machine stalling the client does not look idle.
        Duration idle = Duration.ofSeconds(2);
        ServerOptions options = TestServers.quietOptions().withTimeouts(HEADER, idle, Duration.ofSeconds(2));
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(), options);
                RawHttpClient client = TestServers.connect(server)) {
            long start = System.nanoTime();
            for (int i = 0; i < 14; i++) {
                assertThat(client.exchange(request("GET", "/_ping")).status()).isEqualTo(200);
                Thread.sleep(250); // a client pausing between requests, not a synchronisation
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(idle.multipliedBy(3).dividedBy(2));
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void silentNewConnectionIsClosedAfterTheIdleTimeout(Wire wire) throws Exception {
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(), shortTimeouts());
                RawHttpClient client = TestServers.connect(server)) {
            long start = System.nanoTime();
            assertThat(client.readToEof()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isLessThan(IDLE.toMillis() + SLACK_MILLIS);
        }
    }
}
