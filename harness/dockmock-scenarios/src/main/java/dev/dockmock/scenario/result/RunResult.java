package dev.dockmock.scenario.result;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A whole {@code dockmock run}: every scenario it ran.
 *
 * @param suite the suite's name (for JUnit XML's testsuite), e.g. {@code dockmock-scenarios}
 * @param started when the run began
 * @param duration the whole run
 * @param scenarios the scenarios, in the order they were given (not the order they finished)
 */
public record RunResult(String suite, Instant started, Duration duration, List<ScenarioResult> scenarios) {

    public RunResult {
        scenarios = List.copyOf(scenarios);
    }

    public long count(Outcome outcome) {
        return scenarios.stream().filter(s -> s.outcome() == outcome).count();
    }

    /** Whether the run should exit non-zero: any scenario failed or erred. */
    public boolean failed() {
        return count(Outcome.FAILED) + count(Outcome.ERROR) > 0;
    }
}
