package dev.dockmock.scenario.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.scenario.result.ClientRequest;
import dev.dockmock.scenario.result.ScenarioResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    @Test
    void theSummaryCountsScenariosAndShowsTheRunsBadge() {
        String html = HtmlReport.render(SampleRuns.mixed());

        assertThat(html).contains("<title>dockmock-scenarios: FAILED</title>")
                .contains("id=\"run-outcome\">FAILED</span>")
                .contains("id=\"count-total\">5<", "id=\"count-passed\">2<", "id=\"count-failed\">1<", "id=\"count-error\">1<",
                        "id=\"count-skipped\">1<")
                .contains("id=\"run-duration\">9.88 s<");
        assertThat(HtmlReport.render(SampleRuns.only(SampleRuns.passing()))).contains("id=\"run-outcome\">PASSED</span>");
    }

    @Test
    void eachScenarioShowsItsStepsAsDetailsOpenWhenTheyFailed() {
        String html = HtmlReport.render(SampleRuns.mixed());

        assertThat(count(html, "<section class=\"scenario ")).isEqualTo(5);
        assertThat(html).contains("<section class=\"scenario failed\" id=\"scenario-2\">")
                .contains("<details class=\"step passed\"><summary>")
                .contains("<details class=\"step failed\" open><summary>")
                .contains("<code>docker ps</code>")
                .contains("4f2a9c1b       nginx   web")
                .contains("setup: fixture &#39;images/nosuch.json&#39; does not exist");
    }

    @Test
    void aFailureShowsALineDiffOfExpectedAndActual() {
        String html = HtmlReport.render(SampleRuns.mixed());

        assertThat(html).contains("stdout of step &#39;logs&#39; should be the expected log lines")
                .contains("<span class=\"same\">  starting web\n</span>"
                        + "<span class=\"del\">- listening on :80\n</span>"
                        + "<span class=\"add\">+ listening on :8080\n</span>"
                        + "<span class=\"same\">  ready\n</span>"
                        + "<span class=\"add\">+ shutting down\n</span>");
    }

    @Test
    void theTimelineDrawsALifelinePerClientAndDockmockAndCapsTheArrows() {
        String html = HtmlReport.render(SampleRuns.mixed());

        assertThat(count(html, "<svg class=\"timeline\"")).isEqualTo(3);
        String concurrent = html.substring(html.indexOf("id=\"scenario-5\""));
        assertThat(concurrent).contains("data-requests=\"750\" data-drawn=\"500\"")
                .contains("Showing the first 500 of 750 requests; results.json lists them all.")
                .contains("data-client=\"cli-1\"", "data-client=\"cli-2\"", "data-client=\"cli-3\"", "data-client=\"dockmock\"")
                .contains("GET /v1.51/containers/json?all=0 → 200")
                .contains("GET /v1.51/containers/json?all=49 → 500")
                .contains("⋯ 3.01 s later");
        assertThat(count(concurrent, "<g class=\"call\"")).isEqualTo(500);
        assertThat(html).contains("POST /v1.51/containers/create?name=web → 201");
    }

    @Test
    void anOpenRequestAndOneFromBeforeTheScenarioStillGetArrows() {
        var passing = SampleRuns.passing();
        var requests = List.of(
                new ClientRequest("cli-1", 1, passing.started().minusMillis(5), Duration.ofMillis(1), "HEAD", "/_ping", 200, null, null),
                new ClientRequest("", 2, passing.started(), null, "GET", "/v1.51/events", 200, "", ""));
        String html = HtmlReport.render(SampleRuns.only(new ScenarioResult(passing.name(), passing.file(), "", List.of(),
                passing.outcome(), passing.started(), passing.duration(), null, passing.steps(), requests)));

        assertThat(html).contains("-0.005 s", "+0.000 s", "still open", "data-client=\"(unknown client)\"",
                "GET /v1.51/events → 200");
        assertThat(count(html, "<g class=\"call\"")).isEqualTo(2);
    }

    @Test
    void thePageLoadsNothingFromElsewhereAndAllowsOnlyItsOwnScript() throws Exception {
        String html = HtmlReport.render(SampleRuns.mixed());

        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:", "https:", "src=", "<link",
                "@import", "url(");
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(script.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(html).contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-"
                + hash + "'\"");
    }

    @Test
    void markupFromClientsIsEscapedEverywhere() {
        String html = HtmlReport.render(SampleRuns.only(SampleRuns.hostile()));

        assertThat(count(html, "<script")).isEqualTo(1);
        assertThat(html).doesNotContain("<img", "</pre><script", "\u001b", "\u0000")
                .contains("&lt;/pre&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt; "
                        + "]]&gt; &amp; \u241b[31mred\u241b[0m \u2400");
        assertThat(count(html, "alert(&#39;x&#39;)")).isGreaterThanOrEqualTo(10);
    }

    static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
