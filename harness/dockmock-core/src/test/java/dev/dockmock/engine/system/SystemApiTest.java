package dev.dockmock.engine.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineClient;
import dev.dockmock.engine.EngineClient.Reply;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Headers;
import dev.dockmock.protocol.ResponseBody;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SystemApiTest {
    private static final String NOT_A_MANAGER = "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" "
            + "to connect this node to swarm and try again.";

    private final EngineClient docker = new EngineClient();

    @AfterEach
    void close() {
        docker.close();
    }

    @Test
    void diskUsageFollowsTheEnginesState() {
        String running = docker.run("web", "{\"Image\":\"alpine\",\"Cmd\":[\"sleep\",\"100\"],\"HostConfig\":{\"Binds\":[\"site:/site\"]}}");
        docker.create("idle", EngineClient.sleeper());
        docker.post("/v1.50/volumes/create", "{\"Name\":\"spare\"}");

        JsonNode df = docker.get("/v1.50/system/df").json();
        long alpine = docker.get("/v1.50/images/alpine/json").json().path("Size").asLong();
        long redis = docker.get("/v1.50/images/redis/json").json().path("Size").asLong();
        long postgres = docker.get("/v1.50/images/postgres/json").json().path("Size").asLong();
        assertThat(df.path("LayersSize").asLong()).isEqualTo(alpine + redis + postgres);
        assertThat(df.path("Images")).hasSize(3);
        for (JsonNode image : df.path("Images")) {
            int expected = image.path("RepoTags").get(0).asText().startsWith("alpine") ? 2 : 0;
            assertThat(image.path("Containers").asInt()).as(image.toString()).isEqualTo(expected);
            assertThat(image.path("SharedSize").asLong()).isZero();
        }
        assertThat(df.path("Containers")).hasSize(2);
        JsonNode web = df.path("Containers").findParents("Id").stream().filter(c -> c.path("Id").asText().equals(running))
                .findFirst().orElseThrow();
        assertThat(web.path("SizeRw").asLong()).isZero();
        assertThat(web.path("SizeRootFs").asLong()).isEqualTo(alpine);
        assertThat(web.path("State").asText()).isEqualTo("running");
        assertThat(df.path("Volumes")).hasSize(2);
        for (JsonNode volume : df.path("Volumes")) {
            int refs = volume.path("Name").asText().equals("site") ? 1 : 0;
            assertThat(volume.path("UsageData").path("RefCount").asInt()).isEqualTo(refs);
            assertThat(volume.path("UsageData").path("Size").asLong()).isZero();
        }
        assertThat(df.path("BuildCache").isArray()).isTrue();
        assertThat(df.path("BuildCache").isEmpty()).isTrue();
        assertThat(df.has("BuilderSize")).isFalse();
    }

    @Test
    void diskUsageAnswersOnlyTheKindsAskedFor() {
        JsonNode volumesOnly = docker.get("/v1.50/system/df?type=volume").json();
        assertThat(volumesOnly.path("Volumes").isArray()).isTrue();
        assertThat(volumesOnly.path("Images").isNull()).isTrue();
        assertThat(volumesOnly.path("Containers").isNull()).isTrue();
        assertThat(volumesOnly.path("BuildCache").isNull()).isTrue();
        assertThat(volumesOnly.path("LayersSize").asLong()).isZero();
        JsonNode both = docker.get("/v1.50/system/df?type=image&type=container").json();
        assertThat(both.path("Images")).hasSize(3);
        assertThat(both.path("Volumes").isNull()).isTrue();
        assertThat(docker.get("/v1.41/system/df?type=volume").json().path("Images")).hasSize(3);
        Reply bad = docker.get("/v1.50/system/df?type=layers");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.message()).isEqualTo("unknown object type: layers");
    }

    @Test
    void authSucceedsForAnyCredentials() {
        Reply login = docker.post("/v1.50/auth", "{\"username\":\"me\",\"password\":\"secret\",\"serveraddress\":\"https://index.docker.io/v1/\"}");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("Status").asText()).isEqualTo("Login Succeeded");
        assertThat(login.json().has("IdentityToken")).isTrue();
        assertThat(login.json().path("IdentityToken").asText()).isEmpty();
        assertThat(docker.post("/v1.50/auth", "{\"password\":\"secret\"}").status()).isEqualTo(200);
        Reply empty = docker.post("/v1.50/auth");
        assertThat(empty.status()).isEqualTo(500);
        assertThat(empty.message()).isEqualTo("EOF");
    }

    @Test
    void aDaemonWithoutPlugins() {
        Reply list = docker.get("/v1.50/plugins");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().isArray()).isTrue();
        assertThat(list.json().isEmpty()).isTrue();
        assertThat(docker.get("/v1.50/plugins?filters=%7B%22enable%22%3A%5B%22maybe%22%5D%7D").message())
                .isEqualTo("Invalid filter 'enable=maybe'");
        for (Reply reply : List.of(docker.get("/v1.50/plugins/vieux/sshfs:latest/json"), docker.delete("/v1.50/plugins/vieux/sshfs:latest"),
                docker.post("/v1.50/plugins/vieux/sshfs:latest/enable"), docker.post("/v1.50/plugins/vieux/sshfs:latest/disable"))) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.message()).isEqualTo("plugin \"vieux/sshfs:latest\" not found");
        }
    }

    @Test
    void swarmEndpointsSayThisNodeIsNotAManager() {
        List<String[]> calls = List.of(new String[] {"GET", "/swarm"}, new String[] {"GET", "/swarm/unlockkey"},
                new String[] {"POST", "/swarm/update"}, new String[] {"POST", "/swarm/unlock"},
                new String[] {"GET", "/nodes"}, new String[] {"GET", "/nodes/abc"}, new String[] {"DELETE", "/nodes/abc"},
                new String[] {"POST", "/nodes/abc/update"}, new String[] {"GET", "/services"}, new String[] {"GET", "/services/web"},
                new String[] {"POST", "/services/create"}, new String[] {"POST", "/services/web/update"},
                new String[] {"DELETE", "/services/web"}, new String[] {"GET", "/services/web/logs"}, new String[] {"GET", "/tasks"},
                new String[] {"GET", "/tasks/t1"}, new String[] {"GET", "/tasks/t1/logs"}, new String[] {"GET", "/secrets"},
                new String[] {"GET", "/secrets/s1"}, new String[] {"POST", "/secrets/create"}, new String[] {"DELETE", "/secrets/s1"},
                new String[] {"POST", "/secrets/s1/update"}, new String[] {"GET", "/configs"}, new String[] {"GET", "/configs/c1"},
                new String[] {"POST", "/configs/create"}, new String[] {"DELETE", "/configs/c1"}, new String[] {"POST", "/configs/c1/update"});
        for (String[] call : calls) {
            Reply reply = docker.call(call[0], "/v1.50" + call[1], call[0].equals("POST") ? "{}" : null);
            assertThat(reply.status()).as(call[0] + " " + call[1]).isEqualTo(503);
            assertThat(reply.message()).as(call[0] + " " + call[1]).isEqualTo(NOT_A_MANAGER);
        }
        Reply leave = docker.post("/v1.50/swarm/leave");
        assertThat(leave.status()).isEqualTo(503);
        assertThat(leave.message()).isEqualTo("This node is not part of a swarm");
    }

    @Test
    void buildKitSessionAndGrpcAsWithoutBuildKit() {
        Reply plain = docker.post("/v1.50/session");
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.message()).isEqualTo("no upgrade proto in request");
        ApiResponse tcp = docker.raw("POST", "/v1.50/session", null, Headers.of("Connection", "Upgrade", "Upgrade", "tcp"));
        assertThat(tcp.status()).isEqualTo(400);
        ApiResponse h2c = docker.raw("POST", "/v1.50/session", null, Headers.of("Connection", "Upgrade", "Upgrade", "h2c",
                "X-Docker-Expose-Session-Uuid", "abc"));
        assertThat(h2c.body()).isInstanceOf(ResponseBody.Hijacked.class);
        Reply grpc = docker.post("/v1.50/grpc");
        assertThat(grpc.status()).isEqualTo(404);
        assertThat(grpc.message()).isEqualTo("page not found");
    }
}
