package dev.dockmock.scenario.result;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One scenario as it ran.
 *
 * @param name the scenario's name
 * @param file the scenario file it came from, relative to where the run started
 * @param description the scenario's description, empty when none
 * @param tags its tags
 * @param outcome the worst of its setup and steps
 * @param started when setup began
 * @param duration setup, steps and teardown
 * @param setupFailure why setup failed, null when it did not
 * @param steps its steps in order
 * @param requests every request dockmock received during the scenario, in arrival order
 */
public record ScenarioResult(
        String name,
        String file,
        String description,
        List<String> tags,
        Outcome outcome,
        Instant started,
        Duration duration,
        Failure setupFailure,
        List<StepResult> steps,
        List<ClientRequest> requests) {

    public ScenarioResult {
        tags = List.copyOf(tags);
        steps = List.copyOf(steps);
        requests = List.copyOf(requests);
        description = description == null ? "" : description;
    }

    /** Every failure in this scenario: setup's, then each step's and its children's, in order. */
    public List<Failure> allFailures() {
        var all = new java.util.ArrayList<Failure>();
        if (setupFailure != null) {
            all.add(setupFailure);
        }
        steps.forEach(step -> collect(step, all));
        return all;
    }

    private static void collect(StepResult step, List<Failure> into) {
        into.addAll(step.failures());
        step.children().forEach(child -> collect(child, into));
    }
}
