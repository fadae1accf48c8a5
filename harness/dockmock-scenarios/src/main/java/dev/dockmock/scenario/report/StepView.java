package dev.dockmock.scenario.report;

import dev.dockmock.scenario.result.Outcome;
import dev.dockmock.scenario.result.StepResult;

/**
 * A step in HTML: a collapsible {@code <details>} whose summary shows the outcome, name, client and
 * command, opened by default when the step failed or erred; inside, its failures (with diffs), its
 * output and, for a concurrent group, its children.
 */
final class StepView {
    private StepView() {
    }

    static void step(StepResult step, StringBuilder html) {
        boolean bad = step.outcome() == Outcome.FAILED || step.outcome() == Outcome.ERROR;
        html.append("<details class=\"step ").append(css(step.outcome())).append('"').append(bad ? " open" : "").append("><summary>");
        badge(step.outcome(), "small", html);
        html.append(" <span class=\"step-name\">").append(ReportText.html(step.name())).append("</span>");
        if (step.client() != null && !step.client().isEmpty()) {
            html.append(" <span class=\"client\">").append(ReportText.html(step.client())).append("</span>");
        }
        if (step.command() != null && !step.command().isEmpty()) {
            html.append(" <code>").append(ReportText.html(ReportText.shorten(step.command(), 160))).append("</code>");
        }
        html.append(" <span class=\"meta\">");
        if (step.exitCode() != null) {
            html.append("http".equals(step.kind()) ? "status " : "exit ").append(step.exitCode()).append(" · ");
        }
        html.append(ReportText.html(ReportText.human(step.duration()))).append("</span></summary>\n<div class=\"step-body\">");
        if (step.command() != null && step.command().length() > 160) {
            output("command", step.command(), html);
        }
        step.failures().forEach(failure -> DiffView.failure(failure, html));
        if (!step.stdout().isEmpty()) {
            output("stdout", step.stdout(), html);
        }
        if (!step.stderr().isEmpty()) {
            output("stderr", step.stderr(), html);
        }
        if (step.stdout().isEmpty() && step.stderr().isEmpty() && step.children().isEmpty()) {
            html.append("<p class=\"quiet\">No output.</p>");
        }
        step.children().forEach(child -> step(child, html));
        html.append("</div></details>\n");
    }

    static void output(String title, String text, StringBuilder html) {
        html.append("<div class=\"output\"><div class=\"output-head\">").append(ReportText.html(title))
                .append("</div><pre>").append(ReportText.html(text)).append("</pre></div>\n");
    }

    static void badge(Outcome outcome, String size, StringBuilder html) {
        html.append("<span class=\"badge ").append(size).append(' ').append(css(outcome)).append("\">").append(outcome.name())
                .append("</span>");
    }

    static String css(Outcome outcome) {
        return outcome.name().toLowerCase(java.util.Locale.ROOT);
    }
}
