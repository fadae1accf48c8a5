package dev.dockmock.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.engine.EngineCalls;
import dev.dockmock.engine.files.TarEntry;
import dev.dockmock.engine.files.TarReader;
import dev.dockmock.engine.files.TarWriter;
import dev.dockmock.protocol.ApiResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BuildRoutesTest {
    private static final Instant T = Instant.parse("2024-03-04T05:06:07Z");
    private final EngineCalls engine = EngineCalls.withAlpine();

    @AfterEach
    void close() {
        engine.close();
    }

    private ApiResponse build(String query, String dockerfile, TarEntry... files) {
        List<TarEntry> context = new ArrayList<>(List.of(TarEntry.file("Dockerfile", dockerfile, 0644, T)));
        context.addAll(List.of(files));
        return engine.call("POST", "/v1.50/build?rm=1" + query, TarWriter.archive(context), "application/x-tar");
    }

    private static List<String> streams(List<JsonNode> messages) {
        return messages.stream().filter(m -> m.has("stream")).map(m -> m.path("stream").asText()).toList();
    }

    private static String errorOf(List<JsonNode> messages) {
        return messages.get(messages.size() - 1).path("errorDetail").path("message").asText();
    }

    private String fileIn(String image, String path) {
        String container = engine.createContainer(image, null);
        return TarReader.read(EngineCalls.bytes(engine.call("GET", "/containers/" + container + "/archive?path=" + path))).get(0).text();
    }

    @Test
    void aSmallDockerfileBuildsATaggedImageWithClassicOutput() {
        String alpine = EngineCalls.json(engine.call("GET", "/images/alpine/json")).path("Id").asText();
        List<JsonNode> messages = EngineCalls.messages(build("&t=demo", """
                FROM alpine
                ENV GREETING=hello \\
                    TARGET=world
                LABEL org.example.team="files team"
                COPY hello.txt /app/
                CMD ["cat", "/app/hello.txt"]
                """, TarEntry.file("hello.txt", "hello from the context\n", 0644, T)));

        List<String> out = streams(messages);
        assertThat(out.get(0)).isEqualTo("Step 1/5 : FROM alpine\n");
        assertThat(out.get(1)).isEqualTo(" ---> " + alpine.substring(7, 19) + "\n");
        assertThat(out.get(2)).isEqualTo("Step 2/5 : ENV GREETING=hello     TARGET=world\n");
        assertThat(out.get(3)).startsWith(" ---> Running in ");
        assertThat(out.get(4)).startsWith(" ---> Removed intermediate container ");
        assertThat(out).contains("Step 4/5 : COPY hello.txt /app/\n", "Successfully tagged demo:latest\n");
        String id = messages.stream().filter(m -> m.has("aux")).findFirst().orElseThrow().path("aux").path("ID").asText();
        assertThat(out).contains("Successfully built " + id.substring(7, 19) + "\n");
        JsonNode inspect = EngineCalls.json(engine.call("GET", "/images/demo/json"));
        assertThat(inspect.path("Id").asText()).isEqualTo(id);
        assertThat(inspect.path("Config").path("Env").toString()).contains("GREETING=hello", "TARGET=world");
        assertThat(inspect.path("Config").path("Labels").path("org.example.team").asText()).isEqualTo("files team");
        assertThat(inspect.path("Config").path("Cmd").toString()).isEqualTo("[\"cat\",\"/app/hello.txt\"]");
        assertThat(fileIn("demo", "/app/hello.txt")).isEqualTo("hello from the context\n");
    }

    @Test
    void runShowsItsOutputAndAFailingRunFailsTheBuildWithItsCode() {
        List<String> ok = streams(EngineCalls.messages(build("", "FROM alpine\nRUN echo built here\n")));
        assertThat(ok).contains("built here\n");

        List<JsonNode> failed = EngineCalls.messages(build("&t=never", "FROM alpine\nRUN false\nCMD [\"sh\"]\n"));
        assertThat(errorOf(failed)).isEqualTo("The command '/bin/sh -c false' returned a non-zero code: 1");
        assertThat(failed.get(failed.size() - 1).path("errorDetail").path("code").asInt()).isEqualTo(1);
        assertThat(engine.call("GET", "/images/never/json").status()).isEqualTo(404);
    }

    @Test
    void fromPullsMissingImagesAndUnknownOnesFailInBand() {
        List<JsonNode> pulled = EngineCalls.messages(build("&t=bb", "FROM busybox:1.36\nLABEL a=b\n"));
        assertThat(pulled).anySatisfy(m -> assertThat(m.path("status").asText()).isEqualTo("Pulling from library/busybox"));
        assertThat(engine.call("GET", "/images/busybox:1.36/json").status()).isEqualTo(200);

        List<JsonNode> unknown = EngineCalls.messages(build("", "FROM no-such-image\n"));
        assertThat(errorOf(unknown)).startsWith("pull access denied for no-such-image");
    }

    @Test
    void problemsFoundBeforeTheFirstStepAreHttpErrors() {
        ApiResponse unknown = build("", "FROM alpine\nFOO bar\n");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(EngineCalls.json(unknown).path("message").asText()).isEqualTo("dockerfile parse error on line 2: unknown instruction: FOO");
        ApiResponse missing = engine.call("POST", "/build", TarWriter.archive(List.of(TarEntry.file("x", "", 0644, T))), "application/x-tar");
        assertThat(EngineCalls.json(missing).path("message").asText()).isEqualTo("Cannot locate specified Dockerfile: Dockerfile");
        assertThat(build("", "RUN echo\n").status()).isEqualTo(400);
    }

    @Test
    void multiStageBuildsCopyFromEarlierStages() {
        List<JsonNode> messages = EngineCalls.messages(build("&t=slim", """
                FROM alpine AS build
                WORKDIR /work
                COPY src/ ./
                FROM scratch
                COPY --from=build /work/main.txt /main.txt
                """, TarEntry.directory("src", 0755, T), TarEntry.file("src/main.txt", "compiled", 0644, T)));

        assertThat(streams(messages)).contains("Successfully tagged slim:latest\n");
        assertThat(messages.stream().filter(m -> m.has("aux")).count()).isEqualTo(2);
        byte[] export = EngineCalls.bytes(engine.call("GET", "/containers/" + engine.createContainer("slim", null) + "/export"));
        assertThat(TarReader.read(export)).extracting(TarEntry::name).containsExactly("main.txt");
    }

    @Test
    void anUnchangedRebuildUsesTheCacheAndGivesTheSameId() {
        String dockerfile = "FROM alpine\nENV A=1\nCOPY f.txt /f.txt\n";
        TarEntry file = TarEntry.file("f.txt", "same", 0644, T);
        List<JsonNode> first = EngineCalls.messages(build("&t=c1", dockerfile, file));
        List<JsonNode> second = EngineCalls.messages(build("&t=c2", dockerfile, file));
        List<JsonNode> third = EngineCalls.messages(build("&t=c3&nocache=1", dockerfile, file));

        assertThat(streams(second)).filteredOn(" ---> Using cache\n"::equals).hasSize(2);
        String id1 = EngineCalls.json(engine.call("GET", "/images/c1/json")).path("Id").asText();
        assertThat(EngineCalls.json(engine.call("GET", "/images/c2/json")).path("Id").asText()).isEqualTo(id1);
        assertThat(streams(third)).doesNotContain(" ---> Using cache\n");
        assertThat(first).isNotEmpty();

        JsonNode pruned = EngineCalls.json(engine.call("POST", "/build/prune"));
        assertThat(pruned.path("CachesDeleted").size()).isGreaterThan(0);
        assertThat(EngineCalls.json(engine.call("POST", "/build/prune")).toString()).isEqualTo("{\"CachesDeleted\":[],\"SpaceReclaimed\":0}");
    }

    @Test
    void quietBuildsPrintOnlyTheId() {
        List<JsonNode> messages = EngineCalls.messages(build("&q=1", "FROM alpine\nLABEL quiet=yes\n"));

        assertThat(messages).hasSize(2);
        String id = messages.get(0).path("aux").path("ID").asText();
        assertThat(messages.get(1).path("stream").asText()).isEqualTo(id + "\n");
    }

    @Test
    void buildArgsReachArgsAndUnusedOnesAreReported() {
        String args = URLEncoder.encode("{\"VERSION\":\"2.0\",\"EXTRA\":\"x\"}", StandardCharsets.UTF_8);
        String labels = URLEncoder.encode("{\"built-by\":\"test\"}", StandardCharsets.UTF_8);
        List<String> out = streams(EngineCalls.messages(build("&t=args&buildargs=" + args + "&labels=" + labels, """
                ARG BASE=alpine
                FROM ${BASE}
                ARG VERSION=1.0
                ENV APP_VERSION=$VERSION GREETING="${NAME:-anonymous} user"
                """)));

        assertThat(out).contains("Step 5/5 : LABEL \"built-by\"=\"test\"\n", "[Warning] One or more build-args [EXTRA] were not consumed\n");
        JsonNode config = EngineCalls.json(engine.call("GET", "/images/args/json")).path("Config");
        assertThat(config.path("Env").toString()).contains("APP_VERSION=2.0", "GREETING=anonymous user");
        assertThat(config.path("Labels").path("built-by").asText()).isEqualTo("test");
    }

    @Test
    void addUnpacksArchivesAndMissingSourcesFail() {
        byte[] inner = TarWriter.archive(List.of(TarEntry.file("conf/app.ini", "[app]\n", 0644, T)));
        EngineCalls.bytes(build("&t=added", "FROM alpine\nADD bundle.tar /opt/\n", TarEntry.file("bundle.tar", inner, 0644, T)));
        assertThat(fileIn("added", "/opt/conf/app.ini")).isEqualTo("[app]\n");

        List<JsonNode> missing = EngineCalls.messages(build("", "FROM alpine\nCOPY nothere.txt /x\n"));
        assertThat(errorOf(missing)).isEqualTo("COPY failed: file not found in build context or excluded by .dockerignore: "
                + "stat nothere.txt: file does not exist");
    }
}
