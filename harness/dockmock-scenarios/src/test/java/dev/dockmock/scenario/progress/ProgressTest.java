package dev.dockmock.scenario.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.scenario.model.Scenario;
import dev.dockmock.scenario.parse.ScenarioParser;
import dev.dockmock.scenario.result.Failure;
import dev.dockmock.scenario.result.Outcome;
import dev.dockmock.scenario.result.RunResult;
import dev.dockmock.scenario.result.ScenarioResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final Scenario first = ScenarioParser.parse(Path.of("first.yaml"), "steps: [{docker: ps}]");
    private final Scenario second = ScenarioParser.parse(Path.of("second.yaml"), "steps: [{docker: ps}]");

    @Test
    void aTerminalGetsARedrawnBarWithTheCurrentStep() {
        TerminalProgress progress = new TerminalProgress(out);
        progress.runStarted(2, 2);
        progress.scenarioStarted(first);
        progress.stepStarted(first, "docker ps");
        progress.scenarioFinished(result("first", Outcome.PASSED));
        progress.scenarioStarted(second);
        progress.stepStarted(second, "docker run");

        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("\r\033[2K[------------------------] 0/2  0 passed  | first: docker ps")
                .contains("PASS\033[0m first (1.5s)\n")
                .endsWith("\r\033[2K[############------------] 1/2  1 passed  | second: docker run");
    }

    @Test
    void plainProgressPrintsALinePerStartAndEndThenEveryFailure() {
        PlainProgress progress = new PlainProgress(out);
        progress.runStarted(2, 2);
        progress.scenarioStarted(first);
        progress.stepStarted(first, "docker ps");
        ScenarioResult failed = result("first", Outcome.FAILED);
        progress.scenarioFinished(failed);
        progress.runFinished(new RunResult("suite", Instant.now(), Duration.ofSeconds(2), List.of(failed)));

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("""
                dockmock run: 2 scenarios, 2 at a time
                START first
                FAIL first (1.5s): stdout of step 'ps' should contain "x"

                FAILED first (first.yaml)
                  - stdout of step 'ps' should contain "x"
                    actual:
                      | line one
                      | line two

                1 scenario: 0 passed, 1 failed, 0 errors, 0 skipped in 2.0s
                """);
    }

    private static ScenarioResult result(String name, Outcome outcome) {
        List<Failure> failures = outcome == Outcome.PASSED ? List.of()
                : List.of(new Failure("stdout of step 'ps' should contain \"x\"", "x", "line one\nline two\n"));
        return new ScenarioResult(name, name + ".yaml", "", List.of(), outcome, Instant.now(), Duration.ofMillis(1500),
                failures.isEmpty() ? null : failures.get(0), List.of(), List.of());
    }
}
