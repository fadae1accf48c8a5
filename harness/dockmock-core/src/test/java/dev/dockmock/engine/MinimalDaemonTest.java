package dev.dockmock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.dispatch.ApiRange;
import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Json;
import dev.dockmock.protocol.ResponseBody;
import org.junit.jupiter.api.Test;

class MinimalDaemonTest {
    private final Dispatcher daemon = Daemons.minimal(DaemonIdentity.defaults().withApiRange(ApiRange.parse("1.24", "1.47")));

    private static JsonNode json(ApiResponse response) {
        return Json.parse(((ResponseBody.Bytes) response.body()).data());
    }

    @Test
    void pingCarriesWhatClientsNegotiateWith() {
        ApiResponse ping = daemon.dispatch(ApiRequest.of("HEAD", "/_ping"));
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.headers().first("Api-Version")).contains("1.47");
        assertThat(ping.headers().first("Ostype")).contains("linux");
        assertThat(ping.headers().first("Docker-Experimental")).contains("false");
        assertThat(ping.headers().first("Builder-Version")).contains("1");
        assertThat(ping.headers().first("Swarm")).contains("inactive");
        assertThat(((ResponseBody.Bytes) ping.body()).text()).isEqualTo("OK");
    }

    @Test
    void versionReportsTheConfiguredRange() {
        JsonNode version = json(daemon.dispatch(ApiRequest.of("GET", "/v1.44/version")));
        assertThat(version.path("ApiVersion").asText()).isEqualTo("1.47");
        assertThat(version.path("MinAPIVersion").asText()).isEqualTo("1.24");
        assertThat(version.path("Os").asText()).isEqualTo("linux");
        assertThat(version.path("Components").get(0).path("Details").path("ApiVersion").asText()).isEqualTo("1.47");
    }

    /** SystemVersion.Components: Name and Version required, Details string to string; SystemInfo's Commit: only ID. */
    @Test
    void componentsAndCommitsHaveTheSpecsShape() {
        JsonNode components = json(daemon.dispatch(ApiRequest.of("GET", "/version"))).path("Components");
        assertThat(components).hasSize(4);
        for (JsonNode component : components) {
            assertThat(component.path("Name").isTextual()).as(component.toString()).isTrue();
            assertThat(component.path("Version").asText()).as(component.toString()).isNotEmpty();
            component.path("Details").fields().forEachRemaining(
                    field -> assertThat(field.getValue().isTextual()).as(component + " " + field.getKey()).isTrue());
        }
        JsonNode info = json(daemon.dispatch(ApiRequest.of("GET", "/info")));
        for (String commit : new String[] {"ContainerdCommit", "RuncCommit", "InitCommit"}) {
            assertThat(info.path(commit).size()).as(commit).isEqualTo(1);
            assertThat(info.path(commit).path("ID").asText()).as(commit).isNotEmpty();
        }
    }

    @Test
    void infoSaysLinuxAndNoSwarm() {
        JsonNode info = json(daemon.dispatch(ApiRequest.of("GET", "/info")));
        assertThat(info.path("OSType").asText()).isEqualTo("linux");
        assertThat(info.path("Swarm").path("LocalNodeState").asText()).isEqualTo("inactive");
        assertThat(info.path("ServerVersion").asText()).isEqualTo("28.2.2");
    }

    @Test
    void everythingElseIsPageNotFound() {
        ApiResponse answer = daemon.dispatch(ApiRequest.of("GET", "/v1.44/containers/json"));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(json(answer).path("message").asText()).isEqualTo("page not found");
    }
}
