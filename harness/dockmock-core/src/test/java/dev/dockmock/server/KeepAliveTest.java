package dev.dockmock.server;

import static dev.dockmock.testing.RawHttpClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.RawResponse;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keep-alive, ping and the version gate as a client sees them on the wire. */
@Timeout(30)
class KeepAliveTest {

    @ParameterizedTest
    @EnumSource(Wire.class)
    void servesSeveralRequestsOnOneConnection(Wire wire) throws Exception {
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon());
                RawHttpClient client = TestServers.connect(server)) {
            for (int i = 0; i < 5; i++) {
                RawResponse ping = client.exchange(request("GET", "/_ping"));
                assertThat(ping.status()).isEqualTo(200);
                assertThat(ping.bodyText()).isEqualTo("OK");
                assertThat(ping.header("Connection")).isNull();
            }
            RawResponse version = client.exchange(request("GET", "/version"));
            assertThat(version.status()).isEqualTo(200);
            assertThat(version.bodyText()).contains("\"ApiVersion\":\"1.50\"");
            assertThat(server.openConnections()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void http10WithoutKeepAliveIsClosedAfterTheResponse(Wire wire) throws Exception {
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon());
                RawHttpClient client = TestServers.connect(server)) {
            RawResponse ping = client.send("GET /_ping HTTP/1.0\r\n\r\n").readResponse();
            assertThat(ping.status()).isEqualTo(200);
            assertThat(ping.bodyText()).isEqualTo("OK");
            assertThat(ping.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(client.readToEof()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void http10KeepAliveIsAnsweredAsKeepAlive(Wire wire) throws Exception {
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon());
                RawHttpClient client = TestServers.connect(server)) {
            for (int i = 0; i < 2; i++) {
                RawResponse ping = client.send("GET /_ping HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").readResponse();
                assertThat(ping.status()).isEqualTo(200);
                // An HTTP/1.0 client assumes the server closes unless it says otherwise.
                assertThat(ping.header("Connection")).isEqualToIgnoringCase("keep-alive");
                assertThat(ping.bodyText()).isEqualTo("OK");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void connectionCloseIsHonoured(Wire wire) throws Exception {
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon());
                RawHttpClient client = TestServers.connect(server)) {
            RawResponse ping = client.exchange(request("GET", "/_ping", "Connection: close"));
            assertThat(ping.status()).isEqualTo(200);
            assertThat(ping.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(client.readToEof()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void headPingGivesHeadersAndNoBody(Wire wire) throws Exception {
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon());
                RawHttpClient client = TestServers.connect(server)) {
            RawResponse head = client.exchange(request("HEAD", "/_ping"));
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Length")).isEqualTo("2");
            assertThat(head.header("Api-Version")).isEqualTo("1.50");
            // Had the server sent a body after the HEAD answer, it would be read as the next status line.
            RawResponse get = client.exchange(request("GET", "/_ping"));
            assertThat(get.status()).isEqualTo(200);
            assertThat(get.bodyText()).isEqualTo("OK");
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void getPingCarriesWhatClientsNegotiateWith(Wire wire) throws Exception {
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon());
                RawHttpClient client = TestServers.connect(server)) {
            RawResponse ping = client.exchange(request("GET", "/_ping"));
            assertThat(ping.status()).isEqualTo(200);
            assertThat(ping.bodyText()).isEqualTo("OK");
            assertThat(ping.header("Content-Length")).isEqualTo("2");
            assertThat(ping.header("Api-Version")).isEqualTo("1.50");
            assertThat(ping.header("Ostype")).isEqualTo("linux");
            assertThat(ping.header("Docker-Experimental")).isEqualTo("false");
            assertThat(ping.header("Builder-Version")).isEqualTo("1");
            assertThat(ping.header("Swarm")).isEqualTo("inactive");
            assertThat(ping.header("Date")).isNotBlank();
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void versionedPathsAreServed(Wire wire) throws Exception {
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon());
                RawHttpClient client = TestServers.connect(server)) {
            RawResponse ping = client.exchange(request("GET", "/v1.44/_ping"));
            assertThat(ping.status()).isEqualTo(200);
            assertThat(ping.bodyText()).isEqualTo("OK");
            RawResponse headPing = client.exchange(request("HEAD", "/v1.44/_ping"));
            assertThat(headPing.status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void tooOldAndTooNewVersionsGetDockerd400s(Wire wire) throws Exception {
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon());
                RawHttpClient client = TestServers.connect(server)) {
            RawResponse old = client.exchange(request("GET", "/v1.12/version"));
            assertThat(old.status()).isEqualTo(400);
            assertThat(old.header("Content-Type")).isEqualTo("application/json");
            assertThat(TestRoutes.message(old.body())).isEqualTo("client version 1.12 is too old. Minimum supported API "
                    + "version is 1.24, please upgrade your client to a newer version");
            RawResponse recent = client.exchange(request("GET", "/v1.99/version"));
            assertThat(recent.status()).isEqualTo(400);
            assertThat(recent.header("Content-Type")).isEqualTo("application/json");
            assertThat(TestRoutes.message(recent.body())).startsWith("client version 1.99 is too new");
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void unknownPathIsPageNotFoundAndTheConnectionStaysUsable(Wire wire) throws Exception {
        try (DockMockServer server = TestServers.start(wire, TestRoutes.daemon());
                RawHttpClient client = TestServers.connect(server)) {
            RawResponse missing = client.exchange(request("GET", "/v1.44/no/such/thing"));
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.header("Content-Type")).isEqualTo("application/json");
            assertThat(missing.bodyText()).isEqualTo("{\"message\":\"page not found\"}");
            assertThat(client.exchange(request("GET", "/_ping")).status()).isEqualTo(200);
        }
    }
}
