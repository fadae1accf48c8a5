package dev.dockmock.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.protocol.Json;
import dev.dockmock.testing.DockerCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite shipped in {@code scenarios/} runs green, as {@code dockmock run scenarios} would run it. */
class ShippedSuiteTest {

    @Test
    void everyShippedScenarioPasses(@TempDir Path reports) throws Exception {
        assumeTrue(DockerCli.available(), "the docker CLI is needed");
        Path suite = repositoryRoot().resolve("scenarios");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = ScenarioRun.execute(new RunOptions(List.of(suite), 2, Optional.of(reports), List.of(), List.of(), false,
                RunOptions.ProgressStyle.PLAIN), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String shown = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(shown).isZero();
        assertThat(shown).contains(" passed, 0 failed, 0 errors");
        JsonNode lastRun = Json.mapper().readTree(reports.resolve("last-run.json").toFile());
        List<String> names = new ArrayList<>();
        for (JsonNode scenario : lastRun.path("scenarios")) {
            assertThat(scenario.path("outcome").asText()).as(scenario.path("name").asText() + "\n" + shown).isEqualTo("PASSED");
            names.add(scenario.path("name").asText());
        }
        assertThat(names).contains("cli-basics", "container-lifecycle", "streams", "images-and-builds", "networks-and-volumes",
                "faults", "fixtures", "stubs", "tls", "concurrent-clients", "replay-docker-cli", "replay-docker-java", "swarm-failover");
    }

    static Path repositoryRoot() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.isDirectory(at.resolve("scenarios")) && Files.isRegularFile(at.resolve("dockmock"))) {
                return at;
            }
        }
        throw new AssertionError("no repository root (with scenarios/) above " + Path.of("").toAbsolutePath());
    }
}
