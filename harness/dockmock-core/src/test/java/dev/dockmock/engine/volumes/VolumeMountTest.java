package dev.dockmock.engine.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineClient;
import dev.dockmock.engine.EngineClient.Reply;
import dev.dockmock.engine.events.DockerEvent;
import dev.dockmock.engine.events.EventBus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The volumes containers name, declare and mount: created with the container, mounted while it runs, removed with {@code rm -v}. */
class VolumeMountTest {
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

    @Test
    void containersCreateTheVolumesTheyNameAndMountThem() {
        String id = docker.create("cache", "{\"Image\":\"redis\",\"Volumes\":{\"/extra\":{}},\"HostConfig\":{"
                + "\"Binds\":[\"named:/named:ro\"],"
                + "\"Mounts\":[{\"Type\":\"volume\",\"Source\":\"labelled\",\"Target\":\"/labelled\",\"VolumeOptions\":{\"Labels\":{\"x\":\"y\"}}},"
                + "{\"Type\":\"volume\",\"Target\":\"/scratch\"}]}}");
        List<DockerEvent> volumeEvents = docker.events("volume");
        assertThat(volumeEvents).extracting(DockerEvent::action).containsOnly("create");
        assertThat(volumeEvents).hasSize(5);
        assertThat(docker.get("/v1.50/volumes/named").status()).isEqualTo(200);
        assertThat(docker.get("/v1.50/volumes/labelled").json().path("Labels").path("x").asText()).isEqualTo("y");

        JsonNode mounts = docker.get("/v1.50/containers/cache/json").json().path("Mounts");
        assertThat(mounts).hasSize(5);
        List<String> anonymous = new ArrayList<>();
        for (JsonNode mount : mounts) {
            assertThat(mount.path("Type").asText()).isEqualTo("volume");
            String name = mount.path("Name").asText();
            assertThat(docker.get("/v1.50/volumes/" + name).status()).as(name).isEqualTo(200);
            assertThat(mount.path("Source").asText()).isEqualTo("/var/lib/docker/volumes/" + name + "/_data");
            if (name.matches("[0-9a-f]{64}")) {
                anonymous.add(mount.path("Destination").asText());
                assertThat(docker.get("/v1.50/volumes/" + name).json().path("Labels").has("com.docker.volume.anonymous")).isTrue();
            }
        }
        assertThat(anonymous).containsExactlyInAnyOrder("/scratch", "/data", "/extra");

        docker.post("/v1.50/containers/cache/start");
        List<DockerEvent> mountEvents = docker.events("volume").stream().filter(e -> e.action().equals("mount")).toList();
        assertThat(mountEvents).hasSize(5);
        DockerEvent named = mountEvents.stream().filter(e -> e.actorId().equals("named")).findFirst().orElseThrow();
        assertThat(named.attributes()).containsEntry("container", id).containsEntry("destination", "/named")
                .containsEntry("read/write", "false").containsEntry("driver", "local").containsEntry("propagation", "");

        assertThat(docker.post("/v1.50/containers/cache/stop?t=1").status()).isEqualTo(204);
        List<DockerEvent> unmounts = docker.events("volume").stream().filter(e -> e.action().equals("unmount")).toList();
        assertThat(unmounts).hasSize(5);
        assertThat(unmounts.get(0).attributes()).containsEntry("container", id).containsEntry("driver", "local");
    }

    @Test
    void removingAContainerWithVRemovesItsAnonymousVolumesOnly() {
        docker.create("keep", "{\"Image\":\"redis\",\"HostConfig\":{\"Binds\":[\"named:/named\"]}}");
        docker.create("drop", "{\"Image\":\"redis\",\"HostConfig\":{\"Binds\":[\"named:/named\"]}}");
        assertThat(names(docker.get("/v1.50/volumes"))).hasSize(3);

        docker.delete("/v1.50/containers/keep");
        assertThat(names(docker.get("/v1.50/volumes"))).hasSize(3);
        docker.delete("/v1.50/containers/drop?v=1");
        assertThat(names(docker.get("/v1.50/volumes"))).hasSize(2).contains("named");
    }

    @Test
    void autoRemoveTakesAnonymousVolumesAlong() throws InterruptedException {
        docker.post("/v1.50/volumes/create", "{\"Name\":\"named\"}");
        String id = docker.create("once", "{\"Image\":\"alpine\",\"Cmd\":[\"true\"],\"Volumes\":{\"/scratch\":{}},\"HostConfig\":{\"AutoRemove\":true,"
                + "\"Binds\":[\"named:/named\"]}}");
        assertThat(names(docker.get("/v1.50/volumes"))).hasSize(2);
        EventBus.Cursor cursor = docker.engine().context().events().follow();
        assertThat(docker.post("/v1.50/containers/once/start").status()).isEqualTo(204);
        Instant deadline = Instant.now().plusSeconds(10);
        boolean destroyed = false;
        while (!destroyed && Instant.now().isBefore(deadline)) {
            destroyed = cursor.await(deadline).stream().anyMatch(e -> e.action().equals("destroy") && e.actorId().equals(id));
        }
        assertThat(destroyed).isTrue();
        assertThat(names(docker.get("/v1.50/volumes"))).containsExactly("named");
    }

    @Test
    void containerCreateRefusesAnInvalidVolumeName() {
        Reply refused = docker.post("/v1.50/containers/create?name=bad", "{\"Image\":\"alpine\",\"HostConfig\":{\"Binds\":[\"a b:/x\"]}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).startsWith("create a b: \"a b\" includes invalid characters");
        assertThat(docker.get("/v1.50/containers/bad/json").status()).isEqualTo(404);
    }
}
