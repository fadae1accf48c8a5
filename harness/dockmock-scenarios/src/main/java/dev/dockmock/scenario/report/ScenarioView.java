package dev.dockmock.scenario.report;

import dev.dockmock.scenario.result.ScenarioResult;

/** A scenario in HTML: heading with its outcome, file and timing, setup failure, steps, and the timeline of its requests. */
final class ScenarioView {
    private ScenarioView() {
    }

    static void scenario(ScenarioResult scenario, int number, StringBuilder html) {
        html.append("<section class=\"scenario ").append(StepView.css(scenario.outcome())).append("\" id=\"scenario-")
                .append(number).append("\">\n<h2>");
        StepView.badge(scenario.outcome(), "", html);
        html.append(' ').append(ReportText.html(scenario.name())).append("</h2>\n<p class=\"meta\"><code>")
                .append(ReportText.html(scenario.file())).append("</code> · started ").append(ReportText.html(String.valueOf(scenario.started())))
                .append(" · ").append(ReportText.html(ReportText.human(scenario.duration())));
        scenario.tags().forEach(tag -> html.append(" <span class=\"tag\">").append(ReportText.html(tag)).append("</span>"));
        html.append("</p>\n");
        if (!scenario.description().isEmpty()) {
            html.append("<p class=\"description\">").append(ReportText.html(scenario.description())).append("</p>\n");
        }
        if (scenario.setupFailure() != null) {
            html.append("<h3>Setup</h3>\n");
            DiffView.failure(scenario.setupFailure(), html);
        }
        if (!scenario.steps().isEmpty()) {
            html.append("<h3>Steps</h3>\n");
            scenario.steps().forEach(step -> StepView.step(step, html));
        }
        html.append("<h3>Requests over time</h3>\n");
        String svg = SequenceDiagram.svg(scenario.requests(), scenario.started(), "Requests of scenario " + scenario.name());
        if (svg == null) {
            html.append("<p class=\"quiet\">No request reached dockmock during this scenario.</p>\n");
        } else {
            html.append("<p class=\"legend\">Arrows: requests as they arrived, labelled <code>METHOD path → status</code>; "
                    + "bars on dockmock's lifeline: how long the answer took (written beside it). "
                    + "Long pauses are cut short (<i>⋯ later</i>). Hover an arrow for details.</p>\n<div class=\"timeline-box\">")
                    .append(svg).append("</div>\n");
        }
        html.append("</section>\n");
    }
}
