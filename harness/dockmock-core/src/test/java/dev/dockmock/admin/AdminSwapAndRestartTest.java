package dev.dockmock.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.Engine;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.Json;
import dev.dockmock.record.Recording;
import dev.dockmock.server.DockMockServer;
import dev.dockmock.session.CassetteWriter;
import dev.dockmock.testing.ControlledCliTest;
import dev.dockmock.testing.RawHttpClient;
import dev.dockmock.testing.RawResponse;
import dev.dockmock.testing.TestServers;
import dev.dockmock.testing.Wire;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Swapping the active dispatcher and restarting the "daemon" over the admin API while clients are connected. */
@Timeout(60)
class AdminSwapAndRestartTest extends ControlledCliTest {

    private JsonNode swap(String settings) throws Exception {
        HttpResponse<String> response = dockmock.admin("PUT", "/_dockmock/dispatcher", settings);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    @Test
    void aSwapWhileAClientStreamsEventsLeavesTheStreamOnTheEngine() throws Exception {
        Path cassette = home.resolve("version.cassette");
        try (Engine recorded = Engine.create(); CassetteWriter writer = CassetteWriter.create(cassette, "test")) {
            new Recording(recorded.dispatcher(), writer).dispatch(ApiRequest.of("GET", "/version"));
        }
        try (RawHttpClient events = RawHttpClient.connect(dockmock.tcp())) {
            events.send(RawHttpClient.request("GET", "/events"));
            assertThat(events.readHead().status()).isEqualTo(200);

            JsonNode swapped = swap("{\"kind\": \"replay\", \"cassette\": \"" + cassette + "\", \"mode\": \"lenient\"}");
            assertThat(swapped.path("dispatcher").asText()).startsWith("replay ");

            try (RawHttpClient client = RawHttpClient.connect(dockmock.tcp())) {
                assertThat(client.exchange(RawHttpClient.request("GET", "/version")).bodyText()).contains("\"ApiVersion\"");
                RawResponse unrecorded = client.exchange(RawHttpClient.request("GET", "/containers/json"));
                assertThat(unrecorded.status()).isEqualTo(400);
            }
            dockmock.admin("POST", "/_dockmock/events", "{\"Type\": \"network\", \"Action\": \"create\", \"Actor\": {\"ID\": \"n1\"}}");
            assertThat(new String(events.readChunk(), StandardCharsets.UTF_8)).contains("\"Action\":\"create\"");
        }
        assertThat(swap("kind: engine").path("dispatcher").asText()).isEqualTo("engine");
        assertThat(docker.run("ps").exitCode()).isZero();
        assertThat(dockmock.admin("PUT", "/_dockmock/dispatcher", "{\"kind\": \"teleporter\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void aRecordingProxyCanBeSwappedIn() throws Exception {
        Path cassette = home.resolve("proxied.cassette");
        try (Engine upstreamEngine = Engine.create();
                DockMockServer upstream = TestServers.start(Wire.UNIX, upstreamEngine.dispatcher())) {
            swap("{\"kind\": \"proxy\", \"upstream\": \"" + TestServers.hostOf(upstream) + "\", \"cassette\": \"" + cassette + "\"}");
            assertThat(docker.run("version", "--format", "{{.Server.Os}}").stdout().trim()).isEqualTo("linux");
            swap("{\"kind\": \"engine\"}");
        }
        assertThat(java.nio.file.Files.readString(cassette)).contains("/version");
    }

    @Test
    void aDaemonRestartDropsConnectionsAndRestartsContainersByPolicy() throws Exception {
        assertThat(docker.run("run", "-d", "--name", "always", "--restart", "always", "alpine", "sleep", "60").exitCode()).isZero();
        assertThat(docker.run("run", "-d", "--name", "plain", "alpine", "sleep", "60").exitCode()).isZero();
        try (RawHttpClient events = RawHttpClient.connect(dockmock.tcp())) {
            events.send(RawHttpClient.request("GET", "/events"));
            assertThat(events.readHead().status()).isEqualTo(200);

            HttpResponse<String> restart = dockmock.admin("POST", "/_dockmock/daemon/restart", null);
            assertThat(restart.statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> {
                while (events.readChunk() != null) {
                    // events of the shutdown may come first; then the connection drops
                }
            }).isInstanceOf(IOException.class);
        }
        assertThat(docker.run("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "always").stdout().trim()).isEqualTo("running 0");
        assertThat(docker.run("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "plain").stdout().trim()).isEqualTo("exited 137");
    }

    @Test
    void theAdminApiIsOffUnlessEnabledAndCanHaveAHostOfItsOwn() throws Exception {
        try (DockMockControl control = DockMockControl.builder().build();
                DockMockServer main = TestServers.start(Wire.UNIX, control.dispatcher());
                DockMockServer admin = TestServers.start(Wire.TCP, control.adminDispatcher())) {
            control.attach(main);
            try (RawHttpClient client = TestServers.connect(main)) {
                RawResponse hidden = client.exchange(RawHttpClient.request("GET", "/_dockmock/state"));
                assertThat(hidden.status()).isEqualTo(404);
                assertThat(hidden.bodyText()).contains("page not found");
            }
            try (RawHttpClient client = TestServers.connect(admin)) {
                assertThat(client.exchange(RawHttpClient.request("GET", "/_dockmock/state")).bodyText()).contains("\"dispatcher\":\"engine\"");
                assertThat(client.exchange(RawHttpClient.request("GET", "/_ping")).status()).isEqualTo(404);
            }
        }
    }
}
