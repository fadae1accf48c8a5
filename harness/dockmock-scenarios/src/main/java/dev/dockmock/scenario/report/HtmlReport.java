package dev.dockmock.scenario.report;

import dev.dockmock.scenario.result.Outcome;
import dev.dockmock.scenario.result.RunResult;
import dev.dockmock.scenario.result.ScenarioResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The run as one self-contained HTML page ({@code index.html}): a summary with counts, duration and
 * a pass/fail badge, a table of the scenarios, then each scenario with its steps (collapsible, with
 * their output), failures with a diff of expected and actual, and a sequence diagram of the
 * requests its clients made. CSS, SVG and the one script are inline; a Content-Security-Policy
 * allows nothing else, not even another inline script (the page's own is allowed by its hash), so
 * the page needs no network and text from clients cannot run as code.
 */
public final class HtmlReport {
    /** The file name in the report directory. */
    public static final String FILE = "index.html";
    private static final String CSS = resource("report.css");
    private static final String SCRIPT = resource("report.js");

    private HtmlReport() {
    }

    /** Writes the page to {@code file} (UTF-8). */
    public static void write(RunResult run, Path file) throws IOException {
        Files.writeString(file, render(run), StandardCharsets.UTF_8);
    }

    /** The page as a string. */
    public static String render(RunResult run) {
        StringBuilder html = new StringBuilder(64 * 1024);
        String title = run.suite() + ": " + (run.failed() ? "FAILED" : "PASSED");
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                        + "img-src data:; script-src '").append(scriptHash()).append("'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(ReportText.html(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        summary(run, html);
        html.append("<main>\n");
        overview(run, html);
        for (int i = 0; i < run.scenarios().size(); i++) {
            ScenarioView.scenario(run.scenarios().get(i), i + 1, html);
        }
        html.append("<footer>Written by dockmock run. The same results: junit.xml (JUnit XML), results.json (JSON).</footer>\n")
                .append("</main>\n<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void summary(RunResult run, StringBuilder html) {
        Outcome overall = run.failed() ? Outcome.FAILED : Outcome.PASSED;
        html.append("<header class=\"summary ").append(StepView.css(overall)).append("\" id=\"summary\">\n<h1>")
                .append(ReportText.html(run.suite())).append(' ');
        html.append("<span class=\"badge big ").append(StepView.css(overall)).append("\" id=\"run-outcome\">")
                .append(overall.name()).append("</span></h1>\n<dl class=\"counts\">");
        count("total", "scenarios", run.scenarios().size(), html);
        count("passed", "passed", run.count(Outcome.PASSED), html);
        count("failed", "failed", run.count(Outcome.FAILED), html);
        count("error", "errors", run.count(Outcome.ERROR), html);
        count("skipped", "skipped", run.count(Outcome.SKIPPED), html);
        html.append("<div class=\"duration\"><dt>duration</dt><dd id=\"run-duration\">")
                .append(ReportText.html(ReportText.human(run.duration()))).append("</dd></div>")
                .append("<div class=\"started\"><dt>started</dt><dd id=\"run-started\" style=\"font-size:14px\">")
                .append(ReportText.html(String.valueOf(run.started()))).append("</dd></div></dl>\n</header>\n");
    }

    private static void count(String css, String label, long value, StringBuilder html) {
        html.append("<div class=\"").append(css).append("\"><dt>").append(label).append("</dt><dd id=\"count-").append(css)
                .append("\">").append(value).append("</dd></div>");
    }

    private static void overview(RunResult run, StringBuilder html) {
        html.append("<table class=\"overview\"><thead><tr><th>outcome</th><th>scenario</th><th>file</th><th>steps</th>"
                + "<th>requests</th><th>duration</th></tr></thead><tbody>\n");
        for (int i = 0; i < run.scenarios().size(); i++) {
            ScenarioResult scenario = run.scenarios().get(i);
            html.append("<tr><td>");
            StepView.badge(scenario.outcome(), "small", html);
            html.append("</td><td><a href=\"#scenario-").append(i + 1).append("\">").append(ReportText.html(scenario.name()))
                    .append("</a></td><td><code>").append(ReportText.html(scenario.file())).append("</code></td><td>")
                    .append(scenario.steps().size()).append("</td><td>").append(scenario.requests().size()).append("</td><td>")
                    .append(ReportText.html(ReportText.human(scenario.duration()))).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n<div class=\"toolbar\"><button type=\"button\" data-steps=\"open\">Open all steps</button>"
                + "<button type=\"button\" data-steps=\"close\">Close all steps</button></div>\n");
    }

    /** The CSP source allowing exactly the page's own script. */
    static String scriptHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(SCRIPT.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + HtmlReport.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
