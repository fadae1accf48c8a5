package dev.dockmock.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A container keeps its create body as bytes and builds the {@code Config} and {@code HostConfig}
 * documents only when something reads them: a create alone builds nothing, and inspect afterwards
 * shows the merge with the image and dockerd's defaults, and every field the client sent.
 */
@Timeout(30)
class CompactContainerTest {
    private final EngineClient docker = new EngineClient();

    @AfterEach
    void close() {
        docker.close();
    }

    @Test
    void createBuildsNoDocumentsAndInspectShowsTheMergedConfig() {
        String id = docker.post("/v1.50/containers/create?name=lazy", """
                {"Image":"alpine","Cmd":"echo hi","Env":["PATH=/bin","A=1"],"Labels":{"team":"core"},
                 "MacAddress":"02:42:ac:11:00:02","HostConfig":{"NetworkMode":"none","Memory":67108864,
                 "RestartPolicy":{"Name":"on-failure","MaximumRetryCount":2},"Dns":["10.0.0.53"]}}
                """).json().path("Id").asText();
        Container container = docker.engine().containers().get(id);
        assertThat(container.spec().documentsBuilt()).as("built at create").isFalse();
        assertThat(container.spec().labels()).containsEntry("team", "core");
        assertThat(container.spec().networkMode()).isEqualTo("none");
        assertThat(container.spec().hostname()).isEqualTo(id.substring(0, 12));
        assertThat(container.spec().documentsBuilt()).as("built by typed reads").isFalse();

        JsonNode inspect = docker.get("/v1.50/containers/lazy/json").json();
        assertThat(container.spec().documentsBuilt()).isTrue();
        JsonNode config = inspect.path("Config");
        assertThat(config.path("Image").asText()).isEqualTo("alpine");
        assertThat(config.path("Hostname").asText()).isEqualTo(id.substring(0, 12));
        assertThat(config.path("Cmd").toString()).isEqualTo("[\"echo hi\"]");
        assertThat(config.path("Env").toString()).isEqualTo("[\"PATH=/bin\",\"A=1\"]");
        assertThat(config.path("Labels").path("team").asText()).isEqualTo("core");
        assertThat(config.path("MacAddress").asText()).as("a field the engine does not know").isEqualTo("02:42:ac:11:00:02");
        assertThat(config.path("Tty").isBoolean()).isTrue();
        assertThat(config.has("HostConfig")).isFalse();
        JsonNode host = inspect.path("HostConfig");
        assertThat(host.path("NetworkMode").asText()).isEqualTo("none");
        assertThat(host.path("Memory").asLong()).isEqualTo(67108864L);
        assertThat(host.path("RestartPolicy").path("Name").asText()).isEqualTo("on-failure");
        assertThat(host.path("Dns").get(0).asText()).isEqualTo("10.0.0.53");
        assertThat(host.path("LogConfig").path("Type").asText()).as("dockerd's default").isEqualTo("json-file");
        assertThat(host.path("ShmSize").asLong()).isEqualTo(67108864L);
    }

    @Test
    void aBadHostConfigIsRefusedAtCreateNotAtInspect() {
        EngineClient.Reply refused = docker.post("/v1.50/containers/create?name=bad",
                "{\"Image\":\"alpine\",\"HostConfig\":{\"AutoRemove\":true,\"RestartPolicy\":{\"Name\":\"always\"}}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).isEqualTo("conflicting options: cannot specify both --restart and --rm");
        assertThat(docker.get("/v1.50/containers/bad/json").status()).isEqualTo(404);
    }

    @Test
    void anUpdateChangesTheBuiltHostConfig() {
        docker.post("/v1.50/containers/create?name=upd", "{\"Image\":\"alpine\"}");
        assertThat(docker.post("/v1.50/containers/upd/update", "{\"Memory\":134217728}").status()).isEqualTo(200);
        assertThat(docker.get("/v1.50/containers/upd/json").json().path("HostConfig").path("Memory").asLong())
                .isEqualTo(134217728L);
    }
}
