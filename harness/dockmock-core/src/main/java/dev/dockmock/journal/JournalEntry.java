package dev.dockmock.journal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * One request as the {@link Journal} saw it.
 *
 * @param sequence position among every request the journal has seen, from 1 (kept when older
 *     entries are dropped, so gaps show what was dropped)
 * @param time when the request reached the dispatcher
 * @param method the HTTP method
 * @param target the request target exactly as sent ({@code /v1.44/containers/json?all=1})
 * @param path the decoded path without the {@code /v1.NN} prefix: patterns match on this
 * @param status the status the client was answered with; {@code 101} for a hijack the client
 *     asked to upgrade
 * @param userAgent the {@code User-Agent} header, empty when none was sent
 * @param listener the host string of the listener the request came on, {@code memory} in memory
 * @param latency how long the dispatcher took to produce the answer's head (streams go on after)
 * @param error the message of a Docker error answer ({@code {"message": ...}}), if it was one
 */
public record JournalEntry(long sequence, Instant time, String method, String target, String path, int status,
        String userAgent, String listener, Duration latency, Optional<String> error) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    public JournalEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(error, "error");
    }

    /**
     * One line for failure messages:
     * {@code #7 POST /v1.44/containers/create -> 404 "No such image: x" at 10:15:02.113Z by docker-java/3.7.0}.
     */
    public String describe() {
        StringBuilder text = new StringBuilder("#").append(sequence).append(' ').append(method).append(' ').append(target)
                .append(" -> ").append(status);
        error.ifPresent(message -> text.append(" \"").append(message).append('"'));
        text.append(" at ").append(CLOCK.format(time)).append('Z');
        if (!userAgent.isEmpty()) {
            text.append(" by ").append(userAgent);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
