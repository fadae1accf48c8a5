package dev.dockmock.server;

import static dev.dockmock.testing.RawHttpClient.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.dispatch.Route;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.DockerError;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.RawResponse;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What dispatchers answer, odd answers included, reaches the client framed right; failures are 500s. */
@Timeout(30)
class DispatcherFailureTest {

    private static DockMockServer start(Wire wire) throws Exception {
        Dispatcher routes = TestRoutes.daemon(
                Route.of("GET", "/boom", (request, params) -> {
                    throw new IllegalStateException("kaboom");
                }),
                Route.of("GET", "/docker-error", (request, params) -> {
                    throw DockerError.of(409, "conflict here").toException();
                }),
                Route.of("POST", "/nothing", (request, params) -> ApiResponse.empty(204)),
                Route.of("GET", "/not-modified", (request, params) -> ApiResponse.empty(304)),
                Route.of("POST", "/created", (request, params) -> ApiResponse.empty(201)));
        // A dispatcher that answers null breaks its contract; the client still gets an answer.
        Dispatcher careless = request -> request.path().equals("/null") ? null : routes.dispatch(request);
        return TestServers.start(wire, careless);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void failuresAreDockerErrorsAndTheConnectionStaysUsable(Wire wire) throws Exception {
        try (DockMockServer server = start(wire); RawHttpClient client = TestServers.connect(server)) {
            RawResponse boom = client.exchange(request("GET", "/boom"));
            assertThat(boom.status()).isEqualTo(500);
            assertThat(boom.header("Content-Type")).isEqualTo("application/json");
            assertThat(TestRoutes.message(boom.body())).contains("kaboom");

            RawResponse conflict = client.exchange(request("GET", "/docker-error"));
            assertThat(conflict.status()).isEqualTo(409);
            assertThat(TestRoutes.message(conflict.body())).isEqualTo("conflict here");

            RawResponse none = client.exchange(request("GET", "/null"));
            assertThat(none.status()).isEqualTo(500);
            assertThat(none.header("Content-Type")).isEqualTo("application/json");

            assertThat(client.exchange(request("GET", "/_ping")).bodyText()).isEqualTo("OK");
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void emptyBodiesAreFramedSoTheNextAnswerIsReadRight(Wire wire) throws Exception {
        try (DockMockServer server = start(wire); RawHttpClient client = TestServers.connect(server)) {
            RawResponse noContent = client.exchange(request("POST", "/nothing", "Content-Length: 0"));
            assertThat(noContent.status()).isEqualTo(204);
            assertThat(noContent.header("Content-Length")).isNull();
            RawResponse notModified = client.exchange(request("GET", "/not-modified"));
            assertThat(notModified.status()).isEqualTo(304);
            RawResponse created = client.exchange(request("POST", "/created", "Content-Length: 0"));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header("Content-Length")).isEqualTo("0");
            assertThat(client.exchange(request("GET", "/_ping")).bodyText()).isEqualTo("OK");
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void pipelinedRequestsAreAnsweredInOrder(Wire wire) throws Exception {
        try (DockMockServer server = start(wire); RawHttpClient client = TestServers.connect(server)) {
            client.send(request("GET", "/_ping") + request("GET", "/v1.44/version") + request("HEAD", "/_ping")
                    + request("GET", "/nowhere"));
            assertThat(client.readResponse().bodyText()).isEqualTo("OK");
            assertThat(client.readResponse().bodyText()).contains("\"ApiVersion\"");
            assertThat(client.readResponse(true).header("Content-Length")).isEqualTo("2");
            assertThat(client.readResponse().status()).isEqualTo(404);
        }
    }
}
