package dev.dockmock.scenario.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run with one failing scenario: every report says so, with the expected and actual text. */
class FailureInAllFormatsTest {
    @TempDir
    Path dir;

    @Test
    void theFailureAppearsInTheXmlTheJsonAndThePage() throws Exception {
        List<Path> files = Reports.writeAll(SampleRuns.only(SampleRuns.passing(), SampleRuns.failing()), dir.resolve("run"));

        assertThat(files).extracting(path -> path.getFileName().toString()).containsExactly("junit.xml", "results.json", "index.html");
        assertThat(files).allSatisfy(path -> assertThat(path).isRegularFile().isNotEmptyFile());

        Path junit = files.get(0);
        SurefireSchema.validate(junit);
        Xml xml = Xml.parse(junit);
        assertThat(xml.text("/testsuite/@failures")).isEqualTo("1");
        assertThat(xml.text("/testsuite/testcase[@classname='scenarios/logs.yaml']/failure/@message"))
                .isEqualTo("stdout of step 'logs' should be the expected log lines");
        assertThat(xml.text("/testsuite/testcase[@classname='scenarios/logs.yaml']/failure"))
                .contains("- listening on :80\n+ listening on :8080\n");

        JsonNode json = new ObjectMapper().readTree(files.get(1).toFile());
        assertThat(json.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(json.path("counts").path("failed").asInt()).isEqualTo(1);
        JsonNode failure = json.path("scenarios").get(1).path("steps").get(0).path("failures").get(0);
        assertThat(failure.path("message").asText()).isEqualTo("stdout of step 'logs' should be the expected log lines");
        assertThat(failure.path("actual").asText()).isEqualTo(SampleRuns.ACTUAL_LOGS);

        String html = Files.readString(files.get(2));
        assertThat(html).contains("id=\"run-outcome\">FAILED<", "id=\"count-failed\">1<",
                "<span class=\"del\">- listening on :80\n</span>", "<span class=\"add\">+ listening on :8080\n</span>");
    }

    @Test
    void writingAgainReplacesTheEarlierReports() throws Exception {
        Reports.writeAll(SampleRuns.only(SampleRuns.failing()), dir);
        Reports.writeAll(SampleRuns.only(SampleRuns.passing()), dir);

        assertThat(Files.readString(dir.resolve(HtmlReport.FILE))).contains("id=\"run-outcome\">PASSED<");
        assertThat(Xml.parse(dir.resolve(JunitXmlReport.FILE)).text("/testsuite/@failures")).isEqualTo("0");
    }
}
