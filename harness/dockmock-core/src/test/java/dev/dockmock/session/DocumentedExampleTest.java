package dev.dockmock.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example in docs/cassettes.md is a cassette this dockmock loads. */
class DocumentedExampleTest {

    @Test
    void theDocumentedExampleLoads() throws Exception {
        String doc = Files.readString(Path.of("../../docs/cassettes.md"));
        int start = doc.indexOf("```jsonl\n") + "```jsonl\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));

        Cassette cassette = CassetteReader.parse(example, "docs/cassettes.md");

        assertThat(cassette.warnings()).isEmpty();
        assertThat(cassette.interactions()).extracting(Interaction::id).containsExactly(1, 2, 3, 4, 5, 16);
        RecordedBody.Conversation attach = (RecordedBody.Conversation) cassette.interactions().get(2).response().body();
        assertThat(attach.events().get(1).data()).containsExactly(1, 0, 0, 0, 0, 0, 0, 3, 'h', 'i', '\n');
    }
}
