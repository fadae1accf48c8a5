package dev.dockmock.scenario.result;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One step of a scenario as it ran.
 *
 * @param name the step's name (given, or made from its command)
 * @param kind what the step did: {@code docker} (the docker CLI), {@code http} (a raw request),
 *     {@code java} (a step class), {@code group} (concurrent clients; see children), or
 *     {@code check} (expectations on the journal or engine state alone)
 * @param client the client label the step ran as (the timeline's lane), e.g. {@code cli-1}
 * @param command what was run, as a person would type it (e.g. {@code docker run --rm alpine
 *     echo hi} or {@code GET /containers/json})
 * @param outcome how it ended
 * @param started when it began
 * @param duration how long it took
 * @param exitCode the process exit code, or the HTTP status for http steps; null when none
 * @param stdout what the client printed (or the HTTP body), possibly cut short
 * @param stderr what the client printed on stderr, possibly cut short
 * @param failures the expectations that did not hold (empty when it passed)
 * @param children the steps of a concurrent group, empty otherwise
 */
public record StepResult(
        String name,
        String kind,
        String client,
        String command,
        Outcome outcome,
        Instant started,
        Duration duration,
        Integer exitCode,
        String stdout,
        String stderr,
        List<Failure> failures,
        List<StepResult> children) {

    public StepResult {
        failures = List.copyOf(failures);
        children = List.copyOf(children);
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }
}
