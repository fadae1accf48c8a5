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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code dockmock bench --only swarm} on a small swarm: it runs, prints its table and writes swarm-scale.json (no timing asserted). */
@Timeout(120)
class SwarmScaleBenchmarkTest {
    @TempDir
    Path out;

    @Test
    void aSmallSwarmIsMeasuredAndItsResultsWritten() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"bench", "--only", "swarm", "--nodes", "20", "--services", "2", "--replicas", "30",
                "--requests", "5", "--out", out.toString()}, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        String printed = stdout.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed + stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("Swarm scale: 20 nodes (19 simulated), 2 services, 60 tasks", "GET /nodes",
                "GET /services?status=true", "converged in", "control loop CPU", "heap in use");

        JsonNode json = Json.parse(Files.readAllBytes(out.resolve("swarm-scale.json")));
        assertThat(json.path("nodes").asInt()).isEqualTo(20);
        assertThat(json.path("tasks").asInt()).isEqualTo(60);
        assertThat(json.path("convergeMillis").asDouble()).isPositive();
        assertThat(json.path("convergeCpuMillis").asDouble()).as("the control loop worked while the swarm converged").isPositive();
        assertThat(json.has("idleCpuPercent")).isTrue();
        assertThat(json.path("nodeList").path("bodyBytes").asLong()).as("20 node documents").isGreaterThan(20 * 500);
        assertThat(json.path("serviceList").path("p99Millis").asDouble()).isPositive();
        assertThat(json.path("heapUsedBytes").asLong()).isPositive();
    }

    @Test
    void aWrongOptionIsAUsageError() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(Main.run(new String[] {"bench", "--only", "swarm", "--nodes", "many"}, quiet, quiet)).isEqualTo(2);
        assertThat(Main.run(new String[] {"bench", "--only", "swarm", "--colour", "red"}, quiet, quiet)).isEqualTo(2);
    }
}
