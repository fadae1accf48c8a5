package dev.dockmock.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.cli.Main;
import dev.dockmock.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Runs {@code dockmock bench} for real, briefly; checks what it writes, never how fast anything was. */
class BenchCommandTest {

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void quickRunInAFixedHeapJvmWritesJsonAndSvgWithEverySection(@TempDir Path out) throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int code = Main.run(new String[] {"bench", "--quick", "--connections", "2", "--duration", "1", "--warmup", "0",
                "--containers", "200", "--held", "20", "--swarm-nodes", "20", "--no-dockerd", "--heap", "256m", "--out", out.toString()}, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertThat(code).as("exit code; stderr:%n%s", stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.resolve("latest.json")).exists();
        try (var stamped = Files.list(out)) {
            assertThat(stamped.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("bench-\\d{8}T\\d{6}Z\\.json"));
        }
        JsonNode report = Json.mapper().readTree(out.resolve("latest.json").toFile());
        // measured in the child JVM with the fixed heap, not in this one
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("fixed, pre-touched heap of 256m");
        assertThat(report.get("environment").get("heap").asText()).isEqualTo("fixed at 256m, pre-touched");
        // the parallel collector, which this test's JVM (G1 unless told otherwise) does not run
        assertThat(report.get("environment").get("collector").asText()).contains("PS Scavenge");
        List<String> rows = new ArrayList<>();
        for (JsonNode row : report.get("rows")) {
            rows.add(row.get("target").asText() + " " + row.get("transport").asText());
            assertThat(row.get("requestsPerSecond").get("median").asDouble()).as("req/s of %s", row).isPositive();
        }
        assertThat(rows).contains("dockmock tcp", "dockmock unix", "minimal-nio tcp", "minimal-nio unix", "wiremock tcp");
        assertThat(report.get("rows")).extracting(row -> row.get("endpoint").asText()).contains("GET /v1.41/_ping",
                "GET /v1.41/containers/json", "POST /v1.41/containers/create");
        List<String> sections = new ArrayList<>();
        for (JsonNode figure : report.get("figures")) {
            sections.add(figure.get("section").asText());
            if (!figure.get("target").asText().equals("dockerd")) {
                assertThat(figure.get("value").isObject()).as("measured: %s", figure).isTrue();
            }
        }
        assertThat(sections).contains("startup", "memory", "docker run", "replay", "engine", "connections", "swarm");
        assertThat(report.get("figures")).filteredOn(f -> f.get("section").asText().equals("swarm"))
                .extracting(f -> f.get("name").asText()).contains("converged, 20 nodes, 200 tasks", "control loop CPU, idle");
        assertThat(report.get("verdicts")).isNotEmpty().allSatisfy(v -> assertThat(v.get("verdict").asText())
                .isIn("meets", "misses", "not measured"));
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("targets:", "vs wiremock");

        Path svg = out.resolve("latest.svg");
        assertThat(svg).exists();
        Document chart = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(chart.getDocumentElement().getTagName()).isEqualTo("svg");
    }

    @Test
    void helpNamesTheSwarmPartAndItsOptions() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();

        int code = Main.run(new String[] {"bench", "--help"}, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));

        assertThat(code).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("--swarm-nodes N", "dockmock bench --only swarm",
                "a swarm of 100 nodes");
    }

    @Test
    void wrongOptionIsAUsageError() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int code = Main.run(new String[] {"bench", "--connections", "none"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--connections");
    }

    @Test
    void heapMustBeASizeTheJvmTakes() {
        for (String heap : new String[] {"4k", "lots", "64m", "-1g"}) {
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();

            int code = Main.run(new String[] {"bench", "--heap", heap}, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(stderr, true, StandardCharsets.UTF_8));

            assertThat(code).as("--heap %s", heap).isEqualTo(Main.USAGE);
            assertThat(stderr.toString(StandardCharsets.UTF_8)).as("--heap %s", heap).contains("--heap");
        }
    }
}
