package dev.dockmock.engine.imageio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineCalls;
import dev.dockmock.engine.files.Layer;
import dev.dockmock.engine.files.TarEntry;
import dev.dockmock.engine.files.TarReader;
import dev.dockmock.engine.files.TarWriter;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImageIoRoutesTest {
    private final EngineCalls engine = EngineCalls.withAlpine();

    @AfterEach
    void close() {
        engine.close();
    }

    private String idOf(String image) {
        return EngineCalls.json(engine.call("GET", "/images/" + image + "/json")).path("Id").asText();
    }

    private static Map<String, TarEntry> members(byte[] archive) {
        return TarReader.read(archive).stream().collect(Collectors.toMap(TarEntry::name, Function.identity()));
    }

    private ApiResponse load(byte[] archive, boolean quiet) {
        return engine.call("POST", "/v1.50/images/load?quiet=" + (quiet ? "1" : "0"), archive, "application/x-tar");
    }

    @Test
    void saveWritesADockerArchiveWhoseLayerHoldsTheImageFiles() {
        ApiResponse saved = engine.call("GET", "/v1.50/images/get?names=alpine");

        assertThat(saved.headers().first("Content-Type")).contains("application/x-tar");
        Map<String, TarEntry> members = members(EngineCalls.bytes(saved));
        assertThat(members).containsKeys("manifest.json", "index.json", "oci-layout", "repositories");
        JsonNode manifest = Json.parse(members.get("manifest.json").content()).get(0);
        assertThat(manifest.path("RepoTags").toString()).isEqualTo("[\"alpine:latest\"]");
        byte[] config = members.get(manifest.path("Config").asText()).content();
        assertThat(manifest.path("Config").asText()).isEqualTo("blobs/sha256/" + Layer.sha256(config));
        JsonNode configDoc = Json.parse(config);
        assertThat(configDoc.path("config").path("Cmd").toString()).isEqualTo("[\"/bin/sh\"]");
        byte[] layer = members.get(manifest.path("Layers").get(0).asText()).content();
        assertThat(configDoc.path("rootfs").path("diff_ids").get(0).asText()).isEqualTo("sha256:" + Layer.sha256(layer));
        assertThat(TarReader.read(layer)).extracting(TarEntry::name).contains("bin/sh", "etc/os-release", "etc/hosts", "tmp");
        JsonNode index = Json.parse(members.get("index.json").content());
        assertThat(index.path("manifests").get(0).path("annotations").path("io.containerd.image.name").asText())
                .isEqualTo("docker.io/library/alpine:latest");
        assertThat(engine.engine().context().events().history(e -> e.action().equals("save"))).hasSize(1);
    }

    @Test
    void saveThenLoadGivesBackTheSameIdAndTags() {
        String id = idOf("alpine");
        byte[] archive = EngineCalls.bytes(engine.call("GET", "/images/alpine/get"));
        assertThat(engine.call("DELETE", "/images/alpine").status()).isEqualTo(200);
        assertThat(engine.call("GET", "/images/alpine/json").status()).isEqualTo(404);

        List<JsonNode> messages = EngineCalls.messages(load(archive, false));

        assertThat(messages.get(0).path("status").asText()).isEqualTo("Loading layer");
        assertThat(messages.get(messages.size() - 1).path("stream").asText()).isEqualTo("Loaded image: alpine:latest\n");
        assertThat(idOf("alpine")).isEqualTo(id);
        assertThat(engine.engine().context().events().history(e -> e.action().equals("load"))).hasSize(1);
    }

    @Test
    void quietLoadsOnlySayWhatWasLoadedAndUntaggedImagesByTheirId() {
        String id = idOf("alpine");
        byte[] archive = EngineCalls.bytes(engine.call("GET", "/images/get?names=" + id.substring(7, 19)));

        List<JsonNode> messages = EngineCalls.messages(load(archive, true));

        assertThat(messages).extracting(m -> m.path("stream").asText()).containsExactly("Loaded image ID: " + id + "\n");
    }

    @Test
    void aLoadedTagMovesFromTheImageThatHadIt() {
        byte[] archive = EngineCalls.bytes(engine.call("GET", "/images/alpine/get"));
        EngineCalls.bytes(engine.call("POST", "/images/create?fromImage=busybox&tag=latest"));
        String alpineId = idOf("alpine");
        engine.call("POST", "/images/busybox/tag?repo=alpine&tag=latest");
        String busyboxId = idOf("busybox");

        List<JsonNode> messages = EngineCalls.messages(load(archive, true));

        assertThat(messages).extracting(m -> m.path("stream").asText()).containsExactly(
                "The image alpine:latest already exists, renaming the old one with ID " + busyboxId + " to empty string\n",
                "Loaded image: alpine:latest\n");
        assertThat(idOf("alpine")).isEqualTo(alpineId);
    }

    @Test
    void brokenArchivesFailInBand() {
        ApiResponse notTar = load("not a tar".repeat(100).getBytes(), true);
        assertThat(notTar.status()).isEqualTo(200);
        assertThat(EngineCalls.messages(notTar).get(0).path("errorDetail").path("message").asText()).contains("not a tar archive");

        byte[] noManifest = TarWriter.archive(List.of(TarEntry.file("hello", "x", 0644, Instant.EPOCH)));
        assertThat(EngineCalls.messages(load(noManifest, true)).get(0).path("error").asText()).contains("manifest.json is missing");
    }

    @Test
    void savingAnUnknownImageIs404() {
        assertThat(engine.call("GET", "/images/get?names=nope:1").status()).isEqualTo(404);
        assertThat(engine.call("GET", "/images/nope/get").status()).isEqualTo(404);
    }
}
