package dev.dockmock.engine.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineClient;
import dev.dockmock.engine.EngineClient.Reply;
import dev.dockmock.engine.events.DockerEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Creating, listing, inspecting, removing and pruning volumes, in memory. */
class VolumeApiTest {
    private final EngineClient docker = new EngineClient();

    @AfterEach
    void close() {
        docker.close();
    }

    private static List<String> names(Reply list) {
        List<String> names = new ArrayList<>();
        list.json().path("Volumes").forEach(v -> names.add(v.path("Name").asText()));
        return names;
    }

    private Reply list(String filters) {
        return docker.get("/v1.50/volumes?filters=" + URLEncoder.encode(filters, StandardCharsets.UTF_8));
    }

    private static String filters(String json) {
        return "?filters=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    @Test
    void createInspectAndList() {
        Reply created = docker.post("/v1.50/volumes/create", "{\"Name\":\"data\",\"Driver\":\"local\",\"Labels\":{\"app\":\"db\"}}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode volume = created.json();
        assertThat(volume.path("Name").asText()).isEqualTo("data");
        assertThat(volume.path("Driver").asText()).isEqualTo("local");
        assertThat(volume.path("Mountpoint").asText()).isEqualTo("/var/lib/docker/volumes/data/_data");
        assertThat(volume.path("Scope").asText()).isEqualTo("local");
        assertThat(volume.path("Labels").path("app").asText()).isEqualTo("db");
        assertThat(volume.path("Options").isNull()).isTrue();
        assertThat(volume.path("CreatedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(volume.has("UsageData")).isFalse();

        assertThat(docker.get("/v1.50/volumes/data").json()).isEqualTo(volume);
        Reply list = docker.get("/v1.50/volumes");
        assertThat(names(list)).containsExactly("data");
        assertThat(list.json().has("Warnings")).isTrue();
        assertThat(list.json().path("Warnings").isNull()).isTrue();

        DockerEvent event = docker.events("volume").get(0);
        assertThat(event.action()).isEqualTo("create");
        assertThat(event.actorId()).isEqualTo("data");
        assertThat(event.attributes()).containsEntry("driver", "local");
    }

    @Test
    void createWithoutANameMakesAnAnonymousVolumeAndRecreatingReturnsTheSame() {
        JsonNode anonymous = docker.post("/v1.50/volumes/create", "{}").json();
        assertThat(anonymous.path("Name").asText()).matches("[0-9a-f]{64}");
        assertThat(anonymous.path("Labels").has("com.docker.volume.anonymous")).isTrue();

        docker.post("/v1.50/volumes/create", "{\"Name\":\"again\",\"Labels\":{\"v\":\"1\"}}");
        Reply second = docker.post("/v1.50/volumes/create", "{\"Name\":\"again\",\"Labels\":{\"v\":\"2\"}}");
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().path("Labels").path("v").asText()).isEqualTo("1");
        assertThat(docker.events("volume")).hasSize(2);
    }

    @Test
    void createRefusesWhatTheLocalDriverRefuses() {
        assertError(docker.post("/v1.50/volumes/create", "{\"Name\":\"a\"}"), 400,
                "create a: volume name is too short, names should be at least two alphanumeric characters");
        assertError(docker.post("/v1.50/volumes/create", "{\"Name\":\"a b\"}"), 400, "create a b: \"a b\" includes invalid characters "
                + "for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, "
                + "use absolute path");
        assertError(docker.post("/v1.50/volumes/create", "{\"Name\":\"nfs\",\"Driver\":\"nfsplugin\"}"), 404,
                "create nfs: error looking up volume plugin nfsplugin: plugin \"nfsplugin\" not found");
        assertError(docker.post("/v1.50/volumes/create", "{\"Name\":\"opt\",\"DriverOpts\":{\"colour\":\"red\"}}"), 400,
                "create opt: invalid option: \"colour\"");
        assertError(docker.post("/v1.50/volumes/create", "{\"Name\":\"opt\",\"DriverOpts\":{\"type\":\"tmpfs\"}}"), 400,
                "create opt: missing required option: \"device\"");
        assertError(docker.post("/v1.50/volumes/create", "{\"Name\":\"c\",\"ClusterVolumeSpec\":{}}"), 503,
                "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm "
                        + "and try again.");
        assertThat(docker.post("/v1.50/volumes/create",
                "{\"Name\":\"tmp\",\"DriverOpts\":{\"type\":\"tmpfs\",\"device\":\"tmpfs\",\"o\":\"size=1m\"}}").status()).isEqualTo(201);
        assertError(docker.get("/v1.50/volumes/missing"), 404, "get missing: no such volume");
        assertError(docker.call("PUT", "/v1.50/volumes/tmp?version=1", "{}"), 503,
                "volume update only valid for cluster volumes, but swarm is unavailable");
    }

    @Test
    void listFilters() {
        docker.post("/v1.50/volumes/create", "{\"Name\":\"cache\",\"Labels\":{\"tier\":\"web\"}}");
        docker.post("/v1.50/volumes/create", "{\"Name\":\"db-data\",\"Labels\":{\"tier\":\"db\"}}");
        docker.create("db", "{\"Image\":\"alpine\",\"HostConfig\":{\"Binds\":[\"db-data:/var/lib/db\"]}}");

        assertThat(names(list("{\"name\":[\"ach\"]}"))).containsExactly("cache");
        assertThat(names(list("{\"driver\":[\"local\"]}"))).containsExactly("cache", "db-data");
        assertThat(names(list("{\"label\":[\"tier=db\"]}"))).containsExactly("db-data");
        assertThat(names(list("{\"dangling\":[\"true\"]}"))).containsExactly("cache");
        assertThat(names(list("{\"dangling\":[\"0\"]}"))).containsExactly("db-data");
        assertError(list("{\"dangling\":[\"maybe\"]}"), 400, "invalid filter 'dangling=maybe'");
        assertError(list("{\"label!\":[\"x\"]}"), 400, "invalid filter 'label!'");
    }

    @Test
    void removeRefusesVolumesInUseEvenWithForce() {
        docker.post("/v1.50/volumes/create", "{\"Name\":\"shared\"}");
        String first = docker.create("one", "{\"Image\":\"alpine\",\"HostConfig\":{\"Binds\":[\"shared:/a\"]}}");
        String second = docker.create("two", "{\"Image\":\"alpine\",\"HostConfig\":{\"Mounts\":[{\"Type\":\"volume\",\"Source\":\"shared\","
                + "\"Target\":\"/b\"}]}}");

        assertError(docker.delete("/v1.50/volumes/shared"), 409, "remove shared: volume is in use - [" + first + ", " + second + "]");
        assertError(docker.delete("/v1.50/volumes/shared?force=1"), 409, "remove shared: volume is in use - [" + first + ", " + second + "]");
        assertError(docker.delete("/v1.50/volumes/nothing"), 404, "get nothing: no such volume");
        assertThat(docker.delete("/v1.50/volumes/nothing?force=true").status()).isEqualTo(204);

        docker.delete("/v1.50/containers/one");
        docker.delete("/v1.50/containers/two");
        assertThat(docker.delete("/v1.50/volumes/shared").status()).isEqualTo(204);
        assertThat(docker.get("/v1.50/volumes/shared").status()).isEqualTo(404);
        DockerEvent destroy = docker.events("volume").get(docker.events("volume").size() - 1);
        assertThat(destroy.action()).isEqualTo("destroy");
        assertThat(destroy.actorId()).isEqualTo("shared");
        assertThat(destroy.attributes()).containsEntry("driver", "local");
    }

    @Test
    void pruneTakesAnonymousVolumesOnlyUnlessAllIsAsked() {
        String anonymous = docker.post("/v1.50/volumes/create", "{}").json().path("Name").asText();
        docker.post("/v1.50/volumes/create", "{\"Name\":\"named\",\"Labels\":{\"keep\":\"no\"}}");
        docker.post("/v1.50/volumes/create", "{\"Name\":\"kept\",\"Labels\":{\"keep\":\"yes\"}}");
        docker.post("/v1.50/volumes/create", "{\"Name\":\"used\"}");
        docker.create("user", "{\"Image\":\"alpine\",\"HostConfig\":{\"Binds\":[\"used:/u\"]}}");

        Reply pruned = docker.post("/v1.50/volumes/prune");
        assertThat(pruned.status()).isEqualTo(200);
        assertThat(pruned.json().path("VolumesDeleted").get(0).asText()).isEqualTo(anonymous);
        assertThat(pruned.json().path("VolumesDeleted")).hasSize(1);
        assertThat(pruned.json().path("SpaceReclaimed").asLong()).isZero();

        Reply labelled = docker.post("/v1.50/volumes/prune" + filters("{\"all\":[\"true\"],\"label\":[\"keep=no\"]}"));
        assertThat(labelled.json().path("VolumesDeleted").get(0).asText()).isEqualTo("named");
        Reply unlabelled = docker.post("/v1.50/volumes/prune" + filters("{\"all\":[\"1\"],\"label!\":[\"keep=yes\"]}"));
        assertThat(unlabelled.json().path("VolumesDeleted").isEmpty()).isTrue();
        assertThat(unlabelled.json().path("VolumesDeleted").isArray()).isTrue();

        Reply old = docker.post("/v1.41/volumes/prune");
        assertThat(old.json().path("VolumesDeleted").get(0).asText()).isEqualTo("kept");
        assertThat(names(docker.get("/v1.50/volumes"))).containsExactly("used");
        assertThat(docker.events("volume").stream().filter(e -> e.action().equals("prune")).findFirst().orElseThrow().attributes())
                .containsEntry("reclaimed", "0");
        assertError(docker.post("/v1.50/volumes/prune" + filters("{\"all\":[\"maybe\"]}")), 400,
                "invalid filter 'all': strconv.ParseBool: parsing \"maybe\": invalid syntax");
        assertError(docker.post("/v1.50/volumes/prune" + filters("{\"dangling\":[\"true\"]}")), 400, "invalid filter 'dangling'");
    }

    private static void assertError(Reply reply, int status, String message) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.message()).isEqualTo(message);
    }
}
