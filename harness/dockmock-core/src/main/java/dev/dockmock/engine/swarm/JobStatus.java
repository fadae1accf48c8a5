package dev.dockmock.engine.swarm;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job service's {@code JobStatus}: which execution of the job is current. swarmkit starts a job
 * at iteration 0 when the service is created and counts one up on every update of its spec (a
 * forced update too); tasks carry the iteration they were made for, and only the current one's
 * tasks count towards the job's completions.
 *
 * @param iteration {@code JobIteration.Index}
 * @param lastExecution when the current iteration started
 */
record JobStatus(long iteration, Instant lastExecution) {

    static JobStatus started(Instant now) {
        return new JobStatus(0, now);
    }

    /** The next execution, started {@code now}. */
    JobStatus next(Instant now) {
        return new JobStatus(iteration + 1, now);
    }

    Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("JobIteration", Map.of("Index", iteration));
        doc.put("LastExecution", lastExecution.toString());
        return doc;
    }
}
