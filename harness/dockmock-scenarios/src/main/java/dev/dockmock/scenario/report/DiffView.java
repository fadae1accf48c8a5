package dev.dockmock.scenario.report;

import dev.dockmock.scenario.result.Failure;
import java.util.List;

/** A failure in HTML: its message, and a coloured line diff of expected and actual when it has both. */
final class DiffView {
    private DiffView() {
    }

    static void failure(Failure failure, StringBuilder html) {
        html.append("<div class=\"failure\"><p class=\"failure-message\">").append(ReportText.html(failure.message())).append("</p>");
        if (failure.hasDiff()) {
            diff(LineDiff.folded(LineDiff.between(failure.expected(), failure.actual()), FailureText.CONTEXT), html);
        } else if (failure.expected() != null) {
            block("expected", failure.expected(), html);
        } else if (failure.actual() != null) {
            block("actual", failure.actual(), html);
        }
        html.append("</div>\n");
    }

    static void diff(List<DiffLine> lines, StringBuilder html) {
        html.append("<div class=\"diff\"><div class=\"diff-head\"><span class=\"del\">- expected</span> "
                + "<span class=\"add\">+ actual</span></div><pre>");
        for (DiffLine line : lines) {
            String css = switch (line.kind()) {
                case SAME -> "same";
                case REMOVED -> "del";
                case ADDED -> "add";
                case FOLDED -> "fold";
            };
            String text = line.kind() == DiffLine.Kind.FOLDED ? "⋯ " + line.text() : line.text();
            html.append("<span class=\"").append(css).append("\">").append(line.kind().prefix() == '~' ? ' ' : line.kind().prefix())
                    .append(' ').append(ReportText.html(text)).append("\n</span>");
        }
        html.append("</pre></div>");
    }

    private static void block(String title, String text, StringBuilder html) {
        html.append("<div class=\"output\"><div class=\"output-head\">").append(title).append("</div><pre>")
                .append(ReportText.html(text)).append("</pre></div>");
    }
}
