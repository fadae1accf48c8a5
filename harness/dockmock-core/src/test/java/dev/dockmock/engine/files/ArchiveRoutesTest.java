package dev.dockmock.engine.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineCalls;
import dev.dockmock.engine.events.DockerEvent;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Json;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArchiveRoutesTest {
    private static final Instant T = Instant.parse("2024-02-03T04:05:06Z");
    private final EngineCalls engine = EngineCalls.withAlpine();
    private final String id = engine.createContainer("alpine:latest", "files");

    @AfterEach
    void close() {
        engine.close();
    }

    private ApiResponse put(String path, TarEntry... entries) {
        return engine.call("PUT", "/v1.50/containers/files/archive?path=" + path, TarWriter.archive(List.of(entries)), "application/x-tar");
    }

    private static JsonNode stat(ApiResponse response) {
        return Json.parse(Base64.getDecoder().decode(response.headers().first("X-Docker-Container-Path-Stat").orElseThrow()));
    }

    @Test
    void aFilePutIntoADirectoryComesBackWithItsStat() {
        assertThat(put("/tmp", TarEntry.file("hello.txt", "hello", 0640, T)).status()).isEqualTo(200);

        ApiResponse got = engine.call("GET", "/v1.50/containers/files/archive?path=/tmp/hello.txt");

        assertThat(got.status()).isEqualTo(200);
        assertThat(got.headers().first("Content-Type")).contains("application/x-tar");
        JsonNode stat = stat(got);
        assertThat(stat.path("name").asText()).isEqualTo("hello.txt");
        assertThat(stat.path("size").asLong()).isEqualTo(5);
        assertThat(stat.path("mode").asLong()).isEqualTo(0640);
        assertThat(stat.path("mtime").asText()).isEqualTo("2024-02-03T04:05:06Z");
        List<TarEntry> entries = TarReader.read(EngineCalls.bytes(got));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("hello.txt");
            assertThat(e.text()).isEqualTo("hello");
        });
    }

    @Test
    void headGivesOnlyTheStatWithGoModeBits() {
        ApiResponse head = engine.call("HEAD", "/containers/" + id.substring(0, 12) + "/archive?path=/tmp");

        assertThat(head.status()).isEqualTo(200);
        assertThat(EngineCalls.bytes(head)).isEmpty();
        assertThat(stat(head).path("mode").asLong()).isEqualTo((1L << 31) | (1L << 20) | 0777);
        JsonNode link = stat(engine.call("HEAD", "/containers/files/archive?path=/bin/sh"));
        assertThat(link.path("mode").asLong()).isEqualTo((1L << 27) | 0777);
        assertThat(link.path("linkTarget").asText()).isEqualTo("/bin/busybox");
    }

    @Test
    void directoriesAreArchivedUnderTheirNameOrAsTheirContents() {
        put("/", TarEntry.directory("app", 0755, T), TarEntry.file("app/a.txt", "a", 0644, T));

        List<TarEntry> named = TarReader.read(EngineCalls.bytes(engine.call("GET", "/containers/files/archive?path=/app")));
        List<TarEntry> contents = TarReader.read(EngineCalls.bytes(engine.call("GET", "/containers/files/archive?path=/app/.")));

        assertThat(named).extracting(TarEntry::name).containsExactly("app", "app/a.txt");
        assertThat(contents).extracting(TarEntry::name).containsExactly("", "a.txt");
    }

    @Test
    void missingPathsAndBadExtractionPointsAreDockerdsErrors() {
        ApiResponse missing = engine.call("GET", "/containers/files/archive?path=/nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(EngineCalls.json(missing).path("message").asText()).isEqualTo("Could not find the file /nope in container files");
        assertThat(put("/nowhere", TarEntry.file("x", "x", 0644, T)).status()).isEqualTo(404);
        ApiResponse notDir = put("/etc/hostname", TarEntry.file("x", "x", 0644, T));
        assertThat(notDir.status()).isEqualTo(400);
        assertThat(EngineCalls.json(notDir).path("message").asText()).isEqualTo("extraction point is not a directory");
        assertThat(engine.call("GET", "/containers/nobody/archive?path=/").status()).isEqualTo(404);
        assertThat(engine.call("GET", "/containers/files/archive").status()).isEqualTo(400);
    }

    @Test
    void escapingArchivesAreRefusedAndChangeNothing() {
        ApiResponse refused = put("/tmp", TarEntry.file("ok.txt", "ok", 0644, T), TarEntry.file("../../etc/evil", "x", 0644, T));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(EngineCalls.json(refused).path("message").asText()).contains("\"../../etc/evil\"");
        assertThat(EngineCalls.text(engine.call("GET", "/containers/files/changes"))).isEqualTo("null");
    }

    @Test
    void noOverwriteDirNonDirRefusesToReplaceADirectory() {
        ApiResponse refused = engine.call("PUT", "/containers/files/archive?path=/&noOverwriteDirNonDir=true",
                TarWriter.archive(List.of(TarEntry.file("tmp", "x", 0644, T))), "application/x-tar");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(EngineCalls.json(refused).path("message").asText()).contains("cannot overwrite directory \"/tmp\"");
    }

    @Test
    void changesListModifiedAddedAndDeletedPaths() {
        put("/tmp", TarEntry.file("new.txt", "n", 0644, T));
        synchronized (engine.engine().context().lock()) {
            var tree = engine.engine().files().of(engine.engine().containers().get("files")).tree();
            tree.remove("/etc/alpine-release", T);
        }

        JsonNode changes = EngineCalls.json(engine.call("GET", "/containers/files/changes"));

        assertThat(changes.toString()).isEqualTo("[{\"Path\":\"/etc\",\"Kind\":0},{\"Path\":\"/etc/alpine-release\",\"Kind\":2},"
                + "{\"Path\":\"/tmp\",\"Kind\":0},{\"Path\":\"/tmp/new.txt\",\"Kind\":1}]");
    }

    @Test
    void exportIsTheWholeFilesystemAndAnEvent() {
        put("/root", TarEntry.file("notes", "n", 0600, T));

        ApiResponse export = engine.call("GET", "/containers/files/export");

        List<TarEntry> entries = TarReader.read(EngineCalls.bytes(export));
        assertThat(entries).extracting(TarEntry::name).contains("bin", "bin/sh", "etc/os-release", "etc/hostname", "root/notes", "tmp");
        assertThat(entries.stream().filter(e -> e.name().equals("etc/hostname")).findFirst().orElseThrow().text())
                .isEqualTo(id.substring(0, 12) + "\n");
        List<DockerEvent> events = engine.engine().context().events().history(e -> e.action().equals("export"));
        assertThat(events).singleElement().satisfies(e -> assertThat(e.actorId()).isEqualTo(id));
    }
}
