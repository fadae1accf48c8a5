package dev.dockmock.cli.soak;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a soak run found: its settings, the samples, what the load did and the verdict.
 *
 * @param options the command line
 * @param samples every sample, in order
 * @param operations client calls by operation
 * @param failures wrong answers
 * @param failureExamples the first wrong answer of each operation
 * @param created containers created
 * @param removed containers removed
 * @param events {@code /events} messages followed
 * @param requests requests the server dispatched
 * @param dockerCli the docker CLI that took part, if one did
 * @param verdict the flatness verdict on the samples
 */
record SoakOutcome(SoakOptions options, List<Sample> samples, Map<String, Long> operations, long failures,
        Map<String, String> failureExamples, long created, long removed, long events, long requests, Optional<Path> dockerCli,
        FlatnessRule.Verdict verdict) {

    long totalOperations() {
        return operations.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether the load's answers were right: no wrong answer and every container created removed. */
    boolean answersRight() {
        return failures == 0 && created == removed;
    }

    /** 0 when flat with right answers, else 1. */
    int exitCode() {
        return verdict.flat() && answersRight() ? 0 : 1;
    }
}
