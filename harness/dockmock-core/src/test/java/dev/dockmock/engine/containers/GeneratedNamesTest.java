package dev.dockmock.engine.containers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.engine.EngineClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Past a few thousand containers, generated names end in a number drawn in order and are found
 * by that number instead of a hash index ({@link NumberedNames}): every name still works as a
 * name does, for lookups, conflicts, renames and removals.
 */
@Timeout(60)
class GeneratedNamesTest {
    private static final String BODY = "{\"Image\":\"alpine\",\"Cmd\":[\"true\"]}";
    private final EngineClient docker = new EngineClient();

    @AfterEach
    void close() {
        docker.close();
    }

    @Test
    void manyContainersGetUniqueNamesThatResolveToThem() {
        List<String> ids = createUnnamed(6_000);
        Set<String> names = new HashSet<>();
        int numbered = 0;
        for (String id : ids) {
            String name = docker.engine().containers().get(id).name();
            assertThat(names.add(name)).as("unique: %s", name).isTrue();
            assertThat(name).matches("[a-z]+_[a-z]+[0-9]*");
            numbered += name.matches(".*[0-9]") ? 1 : 0;
            if (names.size() % 97 == 0) {
                assertThat(docker.get("/v1.50/containers/" + name + "/json").json().path("Id").asText()).isEqualTo(id);
                assertThat(docker.engine().containers().get("/" + name).id()).as("with the leading slash").isEqualTo(id);
            }
        }
        assertThat(numbered).as("numbered once plain names crowd").isGreaterThan(1_000);
        assertThat(ids.subList(0, 1_000).stream().map(id -> docker.engine().containers().get(id).name())
                .filter(name -> name.matches("[a-z]+_[a-z]+")).count()).as("plain names first, as dockerd gives").isGreaterThan(950);
    }

    @Test
    void aNumberedNameConflictsIsRenamedAndFreedAsAnyName() {
        List<String> ids = createUnnamed(5_000);
        String id = ids.get(ids.size() - 1);
        String name = docker.engine().containers().get(id).name();
        assertThat(name).as("generated with a number").matches("[a-z]+_[a-z]+[1-9][0-9]*");

        EngineClient.Reply taken = docker.post("/v1.50/containers/create?name=" + name, BODY);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.message()).contains("\"/" + name + "\" is already in use by container \"" + id + "\"");

        assertThat(docker.post("/v1.50/containers/" + name + "/rename?name=renamed").status()).isEqualTo(204);
        assertThat(docker.get("/v1.50/containers/" + name + "/json").status()).isEqualTo(404);
        assertThat(docker.get("/v1.50/containers/renamed/json").json().path("Id").asText()).isEqualTo(id);
        String reused = docker.post("/v1.50/containers/create?name=" + name, BODY).json().path("Id").asText();
        assertThat(docker.get("/v1.50/containers/" + name + "/json").json().path("Id").asText()).isEqualTo(reused);

        assertThat(docker.delete("/v1.50/containers/" + name).status()).isEqualTo(204);
        assertThat(docker.get("/v1.50/containers/" + name + "/json").status()).isEqualTo(404);
        String other = docker.engine().containers().get(ids.get(ids.size() - 2)).name();
        assertThat(docker.delete("/v1.50/containers/" + other).status()).isEqualTo(204);
        assertThat(docker.post("/v1.50/containers/create?name=" + other, BODY).status()).as("free again").isEqualTo(201);
    }

    @Test
    void aClientNameThatLooksNumberedIsAnOrdinaryName() {
        createUnnamed(4_000);
        String id = docker.post("/v1.50/containers/create?name=web_server7", BODY).json().path("Id").asText();
        String nextGenerated = docker.engine().containers().get(createUnnamed(1).get(0)).name();
        assertThat(nextGenerated).isNotEqualTo("web_server7");
        assertThat(docker.get("/v1.50/containers/web_server7/json").json().path("Id").asText()).isEqualTo(id);
        assertThat(docker.get("/v1.50/containers/web_server07/json").status()).isEqualTo(404);
        assertThat(docker.post("/v1.50/containers/create?name=web_server7", BODY).status()).isEqualTo(409);
        assertThat(docker.delete("/v1.50/containers/web_server7").status()).isEqualTo(204);
        assertThat(docker.get("/v1.50/containers/web_server7/json").status()).isEqualTo(404);
    }

    private List<String> createUnnamed(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EngineClient.Reply created = docker.post("/v1.50/containers/create", BODY);
            assertThat(created.status()).isEqualTo(201);
            ids.add(created.json().path("Id").asText());
        }
        return ids;
    }
}
