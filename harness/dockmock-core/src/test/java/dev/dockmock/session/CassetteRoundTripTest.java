package dev.dockmock.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassetteRoundTripTest {
    @TempDir
    Path dir;

    private Cassette writeAndLoad(Redaction redaction, Interaction... interactions) throws Exception {
        Path file = dir.resolve("session.jsonl");
        try (CassetteWriter writer = CassetteWriter.create(file, CassetteHeader.now("unix:///run/docker.sock"), redaction)) {
            for (Interaction interaction : interactions) {
                writer.append(interaction);
            }
        }
        return Cassette.load(file);
    }

    private static void assertSame(Interaction actual, Interaction expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.at()).isEqualTo(expected.at());
        assertThat(actual.request().method()).isEqualTo(expected.request().method());
        assertThat(actual.request().target()).isEqualTo(expected.request().target());
        assertThat(actual.request().path()).isEqualTo(expected.request().path());
        assertThat(actual.request().query()).isEqualTo(expected.request().query());
        assertThat(actual.request().headers()).isEqualTo(expected.request().headers());
        assertThat(actual.request().body()).isEqualTo(expected.request().body());
        assertThat(actual.response().status()).isEqualTo(expected.response().status());
        assertThat(actual.response().headers()).isEqualTo(expected.response().headers());
        assertThat(actual.response().latency()).isEqualTo(expected.response().latency());
        assertThat(actual.response().body()).usingRecursiveComparison().isEqualTo(expected.response().body());
    }

    @Test
    void everyKindOfInteractionComesBackExactly() throws Exception {
        Interaction[] all = {Samples.ping(1), Samples.create(2, "alpine"), Samples.logs(3), Samples.attach(4)};

        Cassette cassette = writeAndLoad(Redaction.none(), all);

        assertThat(cassette.header().version()).isEqualTo(1);
        assertThat(cassette.header().source()).isEqualTo("unix:///run/docker.sock");
        assertThat(cassette.warnings()).isEmpty();
        assertThat(cassette.interactions()).hasSize(4);
        for (int i = 0; i < all.length; i++) {
            assertSame(cassette.interactions().get(i), all[i]);
        }
    }

    @Test
    void linesAreReadableJson() throws Exception {
        writeAndLoad(Redaction.none(), Samples.create(1, "alpine"), Samples.logs(2), Samples.attach(3));
        List<String> lines = Files.readAllLines(dir.resolve("session.jsonl"));

        assertThat(lines.get(0)).startsWith("{\"dockmock-cassette\":1,");
        JsonNode create = JsonBodies.MAPPER.readTree(lines.get(1));
        assertThat(create.at("/request/encoding").asText()).isEqualTo("json");
        assertThat(create.at("/request/body/Image").asText()).isEqualTo("alpine");
        assertThat(create.at("/request/trailer").asText()).isEqualTo("\n");
        assertThat(create.at("/request/query/name/0").asText()).isEqualTo("w");
        assertThat(create.at("/request/path").asText()).isEqualTo("/containers/create");
        JsonNode logs = JsonBodies.MAPPER.readTree(lines.get(2));
        assertThat(logs.at("/response/stream/0/encoding").asText()).isEqualTo("frames");
        assertThat(logs.at("/response/stream/0/data").toString()).isEqualTo("[[\"stdout\",\"hi\\n\"]]");
        assertThat(logs.at("/response/stream/1/at").asLong()).isEqualTo(250);
        assertThat(logs.at("/response/stream/2/encoding").asText()).isEqualTo("base64");
        JsonNode attach = JsonBodies.MAPPER.readTree(lines.get(3));
        assertThat(attach.at("/response/conversation/0/dir").asText()).isEqualTo("in");
        assertThat(attach.at("/response/conversation/0/data").asText()).isEqualTo("ls\n");
        assertThat(attach.at("/response/conversation/3/dir").asText()).isEqualTo("in-eof");
        assertThat(attach.at("/response/conversation/5/dir").asText()).isEqualTo("out-eof");
    }

    @Test
    void interactionsWrittenAsTheyCompleteLoadInArrivalOrder() throws Exception {
        Cassette cassette = writeAndLoad(Redaction.none(), Samples.attach(3), Samples.ping(1), Samples.logs(2));

        assertThat(cassette.interactions()).extracting(Interaction::id).containsExactly(1, 2, 3);
    }

    @Test
    void eachInteractionIsOnDiskWhenAppendReturns() throws Exception {
        Path file = dir.resolve("live.jsonl");
        try (CassetteWriter writer = CassetteWriter.create(file, "test")) {
            writer.append(Samples.ping(1));
            // read while the writer is still open, as after kill -9
            assertThat(Cassette.load(file).interactions()).hasSize(1);
            writer.append(Samples.logs(2));
            assertThat(Cassette.load(file).interactions()).hasSize(2);
        }
    }

    @Test
    void tornLastLineIsIgnoredWithAWarning() throws Exception {
        writeAndLoad(Redaction.none(), Samples.ping(1), Samples.create(2, "alpine"));
        Path file = dir.resolve("session.jsonl");
        String whole = Files.readString(file);
        Files.writeString(file, whole + whole.lines().skip(2).findFirst().orElseThrow().substring(0, 40));

        Cassette cassette = Cassette.load(file);

        assertThat(cassette.interactions()).extracting(Interaction::id).containsExactly(1, 2);
        assertThat(cassette.warnings()).singleElement().asString().contains("line 4", "torn last line");
    }

    @Test
    void malformedEntryFailsNamingItsLine() throws Exception {
        writeAndLoad(Redaction.none(), Samples.ping(1), Samples.create(2, "alpine"));
        Path file = dir.resolve("session.jsonl");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.add(2, "{\"id\":9,\"request\":{\"method\":\"GET\"},\"response\":{\"status\":200}}");
        Files.write(file, lines);

        assertThatThrownBy(() -> Cassette.load(file))
                .isInstanceOf(CassetteException.class)
                .hasMessageContaining("session.jsonl line 3: \"path\" must be a string")
                .satisfies(e -> assertThat(((CassetteException) e).line()).isEqualTo(3));
    }

    @Test
    void brokenJsonInTheMiddleFailsToo() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"dockmock-cassette\":1}\n{\"id\":1,\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Cassette.load(file)).isInstanceOf(CassetteException.class).hasMessageContaining("line 2");
    }

    @Test
    void otherFilesAndVersionsAreRefused() throws Exception {
        Path other = dir.resolve("other.jsonl");
        Files.writeString(other, "{\"hello\":1}\n");
        Path future = dir.resolve("future.jsonl");
        Files.writeString(future, "{\"dockmock-cassette\":2}\n");

        assertThatThrownBy(() -> Cassette.load(other)).hasMessageContaining("not a dockmock cassette");
        assertThatThrownBy(() -> Cassette.load(future)).hasMessageContaining("cassette format 2 is not supported");
    }
}
