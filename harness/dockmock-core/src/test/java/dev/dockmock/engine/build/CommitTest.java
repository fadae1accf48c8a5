package dev.dockmock.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineCalls;
import dev.dockmock.engine.events.DockerEvent;
import dev.dockmock.engine.files.Layer;
import dev.dockmock.engine.files.TarEntry;
import dev.dockmock.engine.files.TarReader;
import dev.dockmock.engine.files.TarWriter;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommitTest {
    private final EngineCalls engine = EngineCalls.withAlpine();

    @AfterEach
    void close() {
        engine.close();
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void aCommitHoldsTheContainersFilesAndConfigWithChangesApplied() {
        engine.createContainer("alpine:latest", "work");
        engine.call("PUT", "/containers/work/archive?path=/srv", TarWriter.archive(List.of(
                TarEntry.file("data.txt", "kept", 0644, Instant.EPOCH))), "application/x-tar");

        ApiResponse committed = engine.call("POST", "/v1.50/commit?container=work&repo=snap&tag=1&comment=" + q("first try")
                + "&author=me&changes=" + q("ENV MODE=test") + "&changes=" + q("CMD [\"cat\", \"/srv/data.txt\"]"), "null".getBytes(),
                "application/json");

        assertThat(committed.status()).isEqualTo(201);
        String id = EngineCalls.json(committed).path("Id").asText();
        JsonNode inspect = EngineCalls.json(engine.call("GET", "/images/snap:1/json"));
        assertThat(inspect.path("Id").asText()).isEqualTo(id);
        assertThat(inspect.path("Comment").asText()).isEqualTo("first try");
        assertThat(inspect.path("Config").path("Env").toString()).contains("MODE=test");
        assertThat(inspect.path("Config").path("Cmd").toString()).isEqualTo("[\"cat\",\"/srv/data.txt\"]");
        engine.createContainer("snap:1", "again");
        List<TarEntry> copied = TarReader.read(EngineCalls.bytes(engine.call("GET", "/containers/again/archive?path=/srv/data.txt")));
        assertThat(copied.get(0).text()).isEqualTo("kept");
        List<DockerEvent> commits = engine.engine().context().events().history(e -> e.action().equals("commit"));
        assertThat(commits).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("container");
            assertThat(e.attributes()).containsEntry("imageID", id).containsEntry("imageRef", "snap:1").containsEntry("comment", "first try");
        });
    }

    @Test
    void theIdIsTheDigestOfTheSavedConfigAndSurvivesSaveAndLoad() {
        engine.createContainer("alpine:latest", "work");
        String id = EngineCalls.json(engine.call("POST", "/commit?container=work&repo=snap", new byte[0], "application/json"))
                .path("Id").asText();
        byte[] archive = EngineCalls.bytes(engine.call("GET", "/images/snap/get"));
        JsonNode manifest = Json.parse(TarReader.read(archive).stream().filter(e -> e.name().equals("manifest.json")).findFirst()
                .orElseThrow().content()).get(0);
        assertThat(manifest.path("Config").asText()).isEqualTo("blobs/sha256/" + id.substring(7));
        assertThat(manifest.path("RepoTags").toString()).isEqualTo("[\"snap:latest\"]");

        engine.call("DELETE", "/containers/work");
        engine.call("DELETE", "/images/snap");
        List<JsonNode> loaded = EngineCalls.messages(engine.call("POST", "/images/load?quiet=1", archive, "application/x-tar"));

        assertThat(loaded).extracting(m -> m.path("stream").asText()).containsExactly("Loaded image: snap:latest\n");
        assertThat(EngineCalls.json(engine.call("GET", "/images/snap/json")).path("Id").asText()).isEqualTo(id);
        assertThat(id).isEqualTo("sha256:" + Layer.sha256(TarReader.read(archive).stream()
                .filter(e -> e.name().equals(manifest.path("Config").asText())).findFirst().orElseThrow().content()));
    }

    @Test
    void onlyConfigInstructionsAreValidChanges() {
        engine.createContainer("alpine:latest", "work");

        ApiResponse refused = engine.call("POST", "/commit?container=work&changes=" + q("RUN rm -rf /"), new byte[0], "application/json");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(EngineCalls.json(refused).path("message").asText()).isEqualTo("RUN is not a valid change command");
        assertThat(engine.call("POST", "/commit?container=nobody", new byte[0], "application/json").status()).isEqualTo(404);
    }
}
