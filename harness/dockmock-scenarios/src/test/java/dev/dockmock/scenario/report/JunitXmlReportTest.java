package dev.dockmock.scenario.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

class JunitXmlReportTest {
    @TempDir
    Path dir;

    @Test
    void aMixedRunValidatesAgainstSurefiresSchema() throws Exception {
        Path file = write(SampleRuns.mixed());

        SurefireSchema.validate(file);
    }

    @Test
    void theSchemaCheckRejectsWhatSurefireWouldNotWrite() throws Exception {
        Path file = dir.resolve("bad.xml");
        Files.writeString(file, "<testsuite name=\"s\" tests=\"1\" errors=\"0\" skipped=\"0\" failures=\"0\" timestamp=\"now\">"
                + "<testcase name=\"t\" time=\"0.1\"/></testsuite>");

        assertThatThrownBy(() -> SurefireSchema.validate(file)).isInstanceOf(SAXException.class).hasMessageContaining("timestamp");
    }

    @Test
    void oneSuiteCountsTheScenariosByOutcome() throws Exception {
        Xml xml = Xml.parse(write(SampleRuns.mixed()));

        assertThat(xml.text("/testsuite/@name")).isEqualTo("dockmock-scenarios");
        assertThat(xml.text("/testsuite/@tests")).isEqualTo("5");
        assertThat(xml.text("/testsuite/@failures")).isEqualTo("1");
        assertThat(xml.text("/testsuite/@errors")).isEqualTo("1");
        assertThat(xml.text("/testsuite/@skipped")).isEqualTo("1");
        assertThat(xml.text("/testsuite/@time")).isEqualTo("9.876");
        assertThat(xml.text("/testsuite/properties/property[@name='timestamp']/@value")).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(xml.count("/testsuite/testcase")).isEqualTo(5);
    }

    @Test
    void eachScenarioIsATestcaseNamedByItsFileAndName() throws Exception {
        Xml xml = Xml.parse(write(SampleRuns.mixed()));

        assertThat(xml.text("/testsuite/testcase[1]/@classname")).isEqualTo("scenarios/web.yaml");
        assertThat(xml.text("/testsuite/testcase[1]/@name")).isEqualTo("run a web server");
        assertThat(xml.text("/testsuite/testcase[1]/@time")).isEqualTo("1.234");
        assertThat(xml.count("/testsuite/testcase[1]/*[self::failure or self::error or self::skipped]")).isZero();
        assertThat(xml.text("/testsuite/testcase[1]/system-out"))
                .contains("scenario 'run a web server' started 2026-11-25T10:00:00.010Z")
                .contains("--- step 2 'ps' as cli-1 [docker] PASSED in 0.120 s, exit 0")
                .contains("$ docker ps\n")
                .contains("4f2a9c1b       nginx   web\n");
    }

    @Test
    void aFailedExpectationIsAFailureWithExpectedActualAndTheirDiff() throws Exception {
        Xml xml = Xml.parse(write(SampleRuns.mixed()));

        String failure = "/testsuite/testcase[@name='logs show the greeting']/failure";
        assertThat(xml.text(failure + "/@message")).isEqualTo("stdout of step 'logs' should be the expected log lines");
        assertThat(xml.text(failure + "/@type")).isEqualTo("dockmock.ExpectationFailed");
        assertThat(xml.text(failure))
                .contains("expected:\n" + SampleRuns.EXPECTED_LOGS)
                .contains("actual:\n" + SampleRuns.ACTUAL_LOGS)
                .contains("  starting web\n- listening on :80\n+ listening on :8080\n  ready\n+ shutting down\n");
    }

    @Test
    void aSetupProblemIsAnErrorAndANotRunScenarioIsSkipped() throws Exception {
        Xml xml = Xml.parse(write(SampleRuns.mixed()));

        assertThat(xml.text("/testsuite/testcase[@name='pull a missing image']/error/@message"))
                .isEqualTo("setup: fixture 'images/nosuch.json' does not exist");
        assertThat(xml.count("/testsuite/testcase[@name='pull a missing image']/failure")).isZero();
        assertThat(xml.count("/testsuite/testcase[@name='swarm only']/skipped")).isEqualTo(1);
    }

    @Test
    void hostileTextSurvivesAsTextWithControlCharactersShownAsPictures() throws Exception {
        Path file = write(SampleRuns.only(SampleRuns.hostile()));
        SurefireSchema.validate(file);
        Xml xml = Xml.parse(file);

        String visible = ReportText.printable(SampleRuns.HOSTILE);
        assertThat(visible).contains("\u241b[31mred").contains("\u2400").doesNotContain("\u001b");
        assertThat(xml.text("/testsuite/testcase/@name")).isEqualTo("name " + visible);
        assertThat(xml.text("/testsuite/testcase/system-out")).contains("out " + visible);
        assertThat(xml.text("/testsuite/testcase/system-err")).contains("err " + visible);
        assertThat(xml.count("//script | //img")).isZero();
    }

    private Path write(dev.dockmock.scenario.result.RunResult run) throws Exception {
        Path file = dir.resolve(JunitXmlReport.FILE);
        JunitXmlReport.write(run, file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        return file;
    }
}
