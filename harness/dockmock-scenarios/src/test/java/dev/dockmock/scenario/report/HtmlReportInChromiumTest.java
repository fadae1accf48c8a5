package dev.dockmock.scenario.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockmock.contract.SharedFiles;
import dev.dockmock.scenario.result.ClientRequest;
import dev.dockmock.scenario.result.RunResult;
import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in headless Chromium: the page's own script measures the laid-out SVG
 * (which only runs if the Content-Security-Policy lets it), so the dumped DOM shows whether the
 * timeline really rendered. Skipped without a chromium on the PATH; CI installs one.
 */
class HtmlReportInChromiumTest {
    private static HeadlessChromium chromium;

    @TempDir
    Path dir;

    @BeforeAll
    static void findChromium() {
        chromium = HeadlessChromium.find().orElse(null);
        assumeTrue(chromium != null, "no chromium on the PATH (Debian: apt-get install chromium)");
    }

    @Test
    void theSummaryTheDiffAndTheTimelineRender() throws Exception {
        RunResult run = SampleRuns.mixed();
        String dom = chromium.dumpDom(Reports.writeAll(run, dir).get(2));

        assertThat(dom).contains("id=\"run-outcome\">FAILED</span>", "id=\"count-failed\">1</dd>", "id=\"count-total\">5</dd>")
                .contains("<span class=\"del\">- listening on :80\n</span>", "<span class=\"add\">+ listening on :8080\n</span>");
        assertThat(attribute(dom, "data-rendered-lifelines")).isEqualTo(lifelines(run));
        assertThat(attribute(dom, "data-rendered-calls")).isEqualTo(4 + 4 + SequenceDiagram.MAX_ARROWS);
        assertThat(attribute(dom, "data-rendered-lifeline-height")).isGreaterThan(500);
        assertThat(dom).contains("Showing the first 500 of 750 requests");
    }

    @Test
    void markupFromClientsStaysTextInTheBrowser() throws Exception {
        String dom = chromium.dumpDom(Reports.writeAll(SampleRuns.only(SampleRuns.hostile()), dir).get(2));

        assertThat(HtmlReportTest.count(dom, "<script")).isEqualTo(1);
        assertThat(dom).doesNotContain("<img");
        assertThat(attribute(dom, "data-rendered-lifelines")).isEqualTo(2);
        assertThat(attribute(dom, "data-rendered-calls")).isEqualTo(1);
    }

    @Test
    void aScreenshotOfTheReportGoesToTheReportsDirectory() throws Exception {
        RunResult showcase = SampleRuns.only(SampleRuns.failing(), SampleRuns.concurrent(3, 10), SampleRuns.passing(),
                SampleRuns.erring(), SampleRuns.skipped());
        Path page = Reports.writeAll(showcase, SharedFiles.moduleDir().resolve("target/scenarios-report")).get(2);
        Path png = SharedFiles.repositoryRoot().resolve("reports/scenarios-report.png");

        chromium.screenshot(page, png, 1280, 2000);

        try (InputStream in = Files.newInputStream(png); DataInputStream data = new DataInputStream(in)) {
            byte[] signature = data.readNBytes(8);
            assertThat(signature).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
            data.readNBytes(8);
            assertThat(data.readInt()).as("width").isEqualTo(1280);
            assertThat(data.readInt()).as("height").isEqualTo(2000);
        }
    }

    private static int lifelines(RunResult run) {
        return run.scenarios().stream().filter(s -> !s.requests().isEmpty())
                .mapToInt(s -> (int) s.requests().stream().map(ClientRequest::client).distinct().count() + 1).sum();
    }

    private static int attribute(String dom, String name) {
        Matcher matcher = Pattern.compile("<body[^>]*\\s" + name + "=\"(\\d+)\"").matcher(dom);
        assertThat(matcher.find()).as("body attribute %s in the dumped DOM (did the page's script run?)", name).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
