package dev.dockmock.scenario.progress;

import dev.dockmock.scenario.result.Failure;
import dev.dockmock.scenario.result.Outcome;
import dev.dockmock.scenario.result.RunResult;
import dev.dockmock.scenario.result.ScenarioResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** The lines a run ends with: each scenario that did not pass with why, then the counts. */
final class Summary {
    private static final int SHOWN_ACTUAL = 1500;

    private Summary() {
    }

    static void print(RunResult run, PrintStream out) {
        for (ScenarioResult scenario : run.scenarios()) {
            if (scenario.outcome() == Outcome.FAILED || scenario.outcome() == Outcome.ERROR) {
                out.println();
                out.println(scenario.outcome() + " " + scenario.name() + " (" + scenario.file() + ")");
                for (Failure failure : scenario.allFailures()) {
                    out.println("  - " + failure.message());
                    if (worthShowing(failure)) {
                        String actual = failure.actual().length() > SHOWN_ACTUAL
                                ? failure.actual().substring(0, SHOWN_ACTUAL) + "..." : failure.actual();
                        out.println("    actual:");
                        actual.lines().forEach(line -> out.println("      | " + line));
                    }
                }
            }
        }
        out.println();
        out.printf("%d scenario%s: %d passed, %d failed, %d errors, %d skipped in %s%n", run.scenarios().size(), run.scenarios().size() == 1 ? "" : "s", run.count(Outcome.PASSED),
                run.count(Outcome.FAILED), run.count(Outcome.ERROR), run.count(Outcome.SKIPPED), seconds(run.duration()));
    }

    /** The actual text, unless the message already says all of it. */
    private static boolean worthShowing(Failure failure) {
        String actual = failure.actual();
        return actual != null && !actual.isBlank() && (actual.strip().contains("\n") || !failure.message().contains(actual.strip()));
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }

    static String label(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "PASS";
            case FAILED -> "FAIL";
            case ERROR -> "ERROR";
            case SKIPPED -> "SKIP";
        };
    }
}
