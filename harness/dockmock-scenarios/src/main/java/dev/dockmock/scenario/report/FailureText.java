package dev.dockmock.scenario.report;

import dev.dockmock.scenario.result.Failure;
import dev.dockmock.scenario.result.StepResult;
import java.util.List;

/** Failures and step output as plain text, for JUnit XML's failure bodies and system-out. */
final class FailureText {
    /** Lines of unchanged context either side of a change in a text diff. */
    static final int CONTEXT = 3;

    private FailureText() {
    }

    /** One failure: its message, then expected, actual and their diff when it has them. */
    static String of(Failure failure) {
        StringBuilder out = new StringBuilder(failure.message()).append('\n');
        if (failure.expected() != null) {
            out.append("expected:\n").append(withBreak(failure.expected()));
        }
        if (failure.actual() != null) {
            out.append("actual:\n").append(withBreak(failure.actual()));
        }
        if (failure.hasDiff()) {
            out.append("diff:\n").append(LineDiff.unified(
                    LineDiff.folded(LineDiff.between(failure.expected(), failure.actual()), CONTEXT)));
        }
        return out.toString();
    }

    /** Every failure, numbered when there are several. */
    static String all(List<Failure> failures) {
        if (failures.size() == 1) {
            return of(failures.get(0));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < failures.size(); i++) {
            out.append('[').append(i + 1).append('/').append(failures.size()).append("] ").append(of(failures.get(i))).append('\n');
        }
        return out.toString();
    }

    /** A one-line summary for a message attribute: the first failure, and how many more there are. */
    static String headline(List<Failure> failures) {
        if (failures.isEmpty()) {
            return "";
        }
        String first = failures.get(0).message();
        return failures.size() == 1 ? first : first + " (and " + (failures.size() - 1) + " more)";
    }

    /** A step's header, command and stdout (or stderr), its children's after it. */
    static void output(StepResult step, String number, boolean stderr, StringBuilder out) {
        String text = stderr ? step.stderr() : step.stdout();
        if (!stderr || !text.isEmpty()) {
            out.append("--- step ").append(number).append(" '").append(step.name()).append("'");
            if (step.client() != null && !step.client().isEmpty()) {
                out.append(" as ").append(step.client());
            }
            out.append(" [").append(step.kind()).append("] ").append(step.outcome()).append(" in ")
                    .append(ReportText.seconds(step.duration())).append(" s");
            if (step.exitCode() != null) {
                out.append(", ").append("http".equals(step.kind()) ? "status " : "exit ").append(step.exitCode());
            }
            out.append(", started ").append(step.started()).append('\n');
            if (!stderr && step.command() != null && !step.command().isEmpty()) {
                out.append("$ ").append(step.command()).append('\n');
            }
            out.append(withBreak(text));
        }
        for (int i = 0; i < step.children().size(); i++) {
            output(step.children().get(i), number + "." + (i + 1), stderr, out);
        }
    }

    private static String withBreak(String text) {
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    }
}
