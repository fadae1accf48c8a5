package dev.dockmock.scenario.run;

import dev.dockmock.scenario.check.JournalChecks;
import dev.dockmock.scenario.check.StateChecks;
import dev.dockmock.scenario.check.TextChecks;
import dev.dockmock.scenario.model.Expect;
import dev.dockmock.scenario.model.JournalExpect;
import dev.dockmock.scenario.model.Step;
import dev.dockmock.scenario.result.Failure;
import java.util.ArrayList;
import java.util.List;

/** Checks a step's expectations against what its client gave and what dockmock saw. */
final class ExpectationCheck {

    private ExpectationCheck() {
    }

    static List<Failure> check(Step step, StepOutput output, Instance instance) {
        Expect expect = step.expect();
        String of = " of step '" + step.name() + "'";
        List<Failure> failures = new ArrayList<>();
        boolean http = step.kind().equals("http");
        expect.exitCode().ifPresent(code -> {
            if (!code.equals(output.exitCode())) {
                failures.add(new Failure("exit code" + of + " should be " + code + ", was " + output.exitCode()
                        + firstLine(output.stderr()), String.valueOf(code), String.valueOf(output.exitCode())));
            }
        });
        expect.status().ifPresent(status -> {
            if (!status.equals(output.exitCode())) {
                failures.add(new Failure("HTTP status" + of + " should be " + status + ", was " + output.exitCode()
                        + firstLine(output.stdout()), String.valueOf(status), String.valueOf(output.exitCode())));
            }
        });
        expect.stdout().ifPresent(t -> failures.addAll(TextChecks.check((http ? "body" : "stdout") + of, output.stdout(), t)));
        expect.body().ifPresent(t -> failures.addAll(TextChecks.check("body" + of, output.stdout(), t)));
        expect.stderr().ifPresent(t -> failures.addAll(TextChecks.check("stderr" + of, output.stderr(), t)));
        failures.addAll(afterwards(step, expect, instance));
        return failures;
    }

    /** The journal and state expectations alone (a check step's). */
    static List<Failure> afterwards(Step step, Expect expect, Instance instance) {
        List<Failure> failures = new ArrayList<>();
        if (!expect.journal().isEmpty()) {
            var journal = instance.journal();
            for (JournalExpect wanted : expect.journal()) {
                failures.addAll(JournalChecks.check(journal, wanted, instance::node));
            }
        }
        expect.state().ifPresent(state -> failures.addAll(StateChecks.check(instance.engine(state.node()), state)));
        return failures;
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.isEmpty() ? "" : " (" + (line.length() > 160 ? line.substring(0, 160) + "..." : line) + ")";
    }
}
