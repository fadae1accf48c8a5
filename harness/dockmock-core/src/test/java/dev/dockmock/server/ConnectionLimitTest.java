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

/** Connections beyond {@code maxConnections} get a Docker-style 503 they can read. */
@Timeout(30)
class ConnectionLimitTest {

    @ParameterizedTest
    @EnumSource(Wire.class)
    void connectionBeyondTheLimitGetsA503AndTheOthersKeepWorking(Wire wire) throws Exception {
        ServerOptions one = TestServers.quietOptions().withMaxConnections(1);
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(TestRoutes.echo()), one);
                RawHttpClient first = TestServers.connect(server)) {
            assertThat(first.exchange(request("GET", "/_ping")).status()).isEqualTo(200);
            for (int i = 0; i < 5; i++) {
                try (RawHttpClient extra = TestServers.connect(server)) {
                    // The client writes its request at once, as real clients do, before the server answers.
                    String body = "x".repeat(20_000);
                    RawResponse refused = extra.exchange(request("POST", "/echo", "Content-Length: " + body.length()) + body);
                    assertThat(refused.status()).isEqualTo(503);
                    assertThat(refused.header("Content-Type")).isEqualTo("application/json");
                    assertThat(TestRoutes.message(refused.body())).contains("limit of 1 connections");
                    assertThat(extra.readToEof()).isEmpty();
                }
            }
            assertThat(first.exchange(request("GET", "/_ping")).status()).isEqualTo(200);
        }
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon(),
                TestServers.quietOptions().withMaxConnections(1).withTimeouts(Duration.ofSeconds(5),
                        Duration.ofMillis(300), Duration.ofSeconds(1)))) {
            try (RawHttpClient first = TestServers.connect(server)) {
                assertThat(first.exchange(request("GET", "/_ping")).status()).isEqualTo(200);
            }
            // Once the first client has gone, a new one is served.
            HijackTest.awaitNoConnections(server);
            try (RawHttpClient second = TestServers.connect(server)) {
                assertThat(second.exchange(request("GET", "/_ping")).status()).isEqualTo(200);
            }
        }
    }
}
