package dev.dockmock.scenario.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockmock.scenario.result.ClientRequest;
import dev.dockmock.scenario.result.RunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {
    @TempDir
    Path dir;

    @Test
    void theRunReadsBackWithItsCountsTimesAndDurations() throws Exception {
        JsonNode root = writeAndRead(SampleRuns.mixed());

        assertThat(root.path("format").asText()).isEqualTo(JsonReport.FORMAT);
        assertThat(root.path("version").asInt()).isEqualTo(1);
        assertThat(root.path("suite").asText()).isEqualTo("dockmock-scenarios");
        assertThat(root.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(Instant.parse(root.path("started").asText())).isEqualTo(SampleRuns.T0);
        assertThat(root.path("durationMs").asDouble()).isEqualTo(9876.0);
        assertThat(root.path("counts").toString())
                .isEqualTo("{\"total\":5,\"passed\":2,\"failed\":1,\"error\":1,\"skipped\":1}");
        assertThat(root.path("scenarios")).hasSize(5);
    }

    @Test
    void aScenarioKeepsItsStepsFailuresAndRequests() throws Exception {
        JsonNode failing = writeAndRead(SampleRuns.mixed()).path("scenarios").get(1);

        assertThat(failing.path("name").asText()).isEqualTo("logs show the greeting");
        assertThat(failing.path("file").asText()).isEqualTo("scenarios/logs.yaml");
        assertThat(failing.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(failing.path("setupFailure").isNull()).isTrue();
        JsonNode step = failing.path("steps").get(0);
        assertThat(step.path("command").asText()).isEqualTo("docker logs web");
        assertThat(step.path("exitCode").asInt()).isEqualTo(1);
        assertThat(step.path("durationMs").asDouble()).isEqualTo(120.0);
        assertThat(Instant.parse(step.path("started").asText())).isEqualTo(SampleRuns.T0.plusMillis(1_300));
        assertThat(step.path("stdout").asText()).isEqualTo(SampleRuns.ACTUAL_LOGS);
        assertThat(step.path("failures").get(0).path("expected").asText()).isEqualTo(SampleRuns.EXPECTED_LOGS);
        assertThat(step.path("failures").get(0).path("actual").asText()).isEqualTo(SampleRuns.ACTUAL_LOGS);
        JsonNode notFound = failing.path("requests").get(3);
        assertThat(notFound.path("method").asText()).isEqualTo("GET");
        assertThat(notFound.path("target").asText()).isEqualTo("/v1.51/containers/nosuch/json");
        assertThat(notFound.path("status").asInt()).isEqualTo(404);
        assertThat(notFound.path("seq").asLong()).isEqualTo(8);
        assertThat(notFound.path("client").asText()).isEqualTo("cli-1");
        assertThat(notFound.path("listener").asText()).isEqualTo("unix:///tmp/dm/docker.sock");
    }

    @Test
    void everyRequestIsListedEvenBeyondWhatTheTimelineDraws() throws Exception {
        JsonNode concurrent = writeAndRead(SampleRuns.mixed()).path("scenarios").get(4);

        assertThat(concurrent.path("requests")).hasSize(750);
        assertThat(concurrent.path("steps").get(0).path("kind").asText()).isEqualTo("group");
        assertThat(concurrent.path("steps").get(0).path("children")).hasSize(3);
        assertThat(concurrent.path("steps").get(0).path("exitCode").isNull()).isTrue();
    }

    @Test
    void setupFailuresSubMillisecondDurationsAndOpenRequestsKeepTheirValues() throws Exception {
        List<ClientRequest> requests = new ArrayList<>(SampleRuns.passing().requests());
        requests.add(new ClientRequest("cli-1", 9, SampleRuns.T0, null, "GET", "/events", 200, "", ""));
        requests.add(new ClientRequest("cli-1", 10, SampleRuns.T0, Duration.ofNanos(1_234_567), "HEAD", "/_ping", 200, "", ""));
        var passing = SampleRuns.passing();
        var withOpen = new dev.dockmock.scenario.result.ScenarioResult(passing.name(), passing.file(), passing.description(),
                passing.tags(), passing.outcome(), passing.started(), passing.duration(), null, passing.steps(), requests);
        JsonNode root = writeAndRead(SampleRuns.only(SampleRuns.erring(), withOpen));

        assertThat(root.path("scenarios").get(0).path("setupFailure").path("message").asText())
                .isEqualTo("setup: fixture 'images/nosuch.json' does not exist");
        assertThat(root.path("scenarios").get(0).path("setupFailure").path("expected").isNull()).isTrue();
        assertThat(root.path("scenarios").get(0).path("tags").get(0).asText()).isEqualTo("images");
        JsonNode open = root.path("scenarios").get(1).path("requests").get(4);
        assertThat(open.path("durationMs").isNull()).isTrue();
        assertThat(root.path("scenarios").get(1).path("requests").get(5).path("durationMs").asDouble()).isEqualTo(1.235);
    }

    @Test
    void hostileTextRoundTripsUnchanged() throws Exception {
        JsonNode step = writeAndRead(SampleRuns.only(SampleRuns.hostile())).path("scenarios").get(0).path("steps").get(0);

        assertThat(step.path("stdout").asText()).isEqualTo("out " + SampleRuns.HOSTILE);
    }

    private JsonNode writeAndRead(RunResult run) throws Exception {
        Path file = dir.resolve(JsonReport.FILE);
        JsonReport.write(run, file);
        return new ObjectMapper().readTree(file.toFile());
    }
}
