package dev.dockmock.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockmock.protocol.DockerException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerfileTest {
    private final Words words = new Words('\\');

    @Test
    void continuationsCommentsFlagsAndStages() {
        Dockerfile file = Dockerfile.parse("""
                # syntax=docker/dockerfile:1
                ARG BASE=alpine
                FROM --platform=linux/amd64 ${BASE} AS build
                # a comment
                RUN echo one \\
                # inside a continuation
                
                    two
                copy --chown=1000:1000 --from=other a b /dst/
                FROM scratch
                CMD ["/app"]
                """);

        assertThat(file.metaArgs()).extracting(Instruction::original).containsExactly("ARG BASE=alpine");
        assertThat(file.stages()).hasSize(2);
        Dockerfile.Stage build = file.stages().get(0);
        assertThat(build.from().flags()).containsEntry("platform", "linux/amd64");
        assertThat(build.from().args()).isEqualTo("${BASE} AS build");
        assertThat(build.instructions()).extracting(Instruction::original).containsExactly("RUN echo one     two",
                "copy --chown=1000:1000 --from=other a b /dst/");
        Instruction copy = build.instructions().get(1);
        assertThat(copy.keyword()).isEqualTo("COPY");
        assertThat(copy.flags()).containsEntry("from", "other").containsEntry("chown", "1000:1000");
        assertThat(copy.args()).isEqualTo("a b /dst/");
        assertThat(file.stages().get(1).instructions().get(0).execForm()).contains(List.of("/app"));
        assertThat(BuildRequest.alias(build)).isEqualTo("build");
    }

    @Test
    void theEscapeDirectiveChangesTheContinuationCharacter() {
        Dockerfile file = Dockerfile.parse("# escape=`\nFROM alpine\nRUN dir `\n  c:\\\n");

        assertThat(file.escape()).isEqualTo('`');
        assertThat(file.stages().get(0).instructions().get(0).original()).isEqualTo("RUN dir   c:\\");
    }

    @Test
    void parseErrorsAreDockerds() {
        assertThatThrownBy(() -> Dockerfile.parse("FROM alpine\nFROMM x\n")).isInstanceOf(DockerException.class)
                .hasMessage("dockerfile parse error on line 2: unknown instruction: FROMM");
        assertThatThrownBy(() -> Dockerfile.parse("FROM alpine\nCOPY onlyone\n"))
                .hasMessageContaining("COPY requires at least two arguments");
        assertThatThrownBy(() -> Dockerfile.parse("ENV A=b\nFROM alpine\n")).hasMessageContaining("no build stage in current context");
    }

    @Test
    void wordsExpandVariablesAndRemoveQuotes() {
        Map<String, String> vars = Map.of("NAME", "world", "EMPTY", "");

        assertThat(words.expand("hello $NAME ${NAME}!", vars)).isEqualTo("hello world world!");
        assertThat(words.expand("${MISSING:-fallback} ${EMPTY:-dflt} ${EMPTY-kept} ${NAME:+set}", vars)).isEqualTo("fallback dflt  set");
        assertThat(words.expand("'$NAME' \"$NAME\" \\$NAME", vars)).isEqualTo("$NAME world $NAME");
        assertThat(words.split("a \"b c\" 'd e'  f", vars)).containsExactly("a", "b c", "d e", "f");
    }

    @Test
    void envAndLabelPairsInBothForms() {
        Instruction env = Dockerfile.instructions("ENV A=1 B=\"two words\" C=${A}").get(0);
        Instruction legacy = Dockerfile.instructions("ENV PATH_EXTRA /opt/bin and more").get(0);

        assertThat(words.keyValues(env.args(), Map.of("A", "old"), env)).containsExactly(Map.entry("A", "1"),
                Map.entry("B", "two words"), Map.entry("C", "old"));
        assertThat(words.keyValues(legacy.args(), Map.of(), legacy)).containsExactly(Map.entry("PATH_EXTRA", "/opt/bin and more"));
    }
}
