package dev.dockmock.scenario.result;

import java.time.Duration;
import java.time.Instant;

/**
 * One request dockmock received while a scenario ran, attributed to the client that made it:
 * an arrow in the report's timeline.
 *
 * @param client the client label (the step's client, or the User-Agent when the request could not
 *     be attributed)
 * @param seq the request's number in the journal
 * @param time when it arrived
 * @param duration how long the answer took; null while it still ran when the scenario ended
 * @param method the HTTP method
 * @param target the request target as sent (path and query)
 * @param status the status answered
 * @param userAgent the client's User-Agent, empty when none
 * @param listener the listener (host string) it arrived on; in a swarm preceded by the node's name
 *     ({@code manager2 tcp://127.0.0.1:41234})
 */
public record ClientRequest(
        String client,
        long seq,
        Instant time,
        Duration duration,
        String method,
        String target,
        int status,
        String userAgent,
        String listener) {}
