package dev.dockmock.replay;

import dev.dockmock.session.Redaction;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link ReplayDispatcher} matches and serves.
 *
 * @param mode strict or lenient ordering
 * @param pace how fast to serve
 * @param ignoredBodyFields JSON pointers ({@code /Labels/org.testcontainers.sessionId}) left out of
 *     body comparison; a {@code *} segment stands for any field or index
 * @param ignoredQueryParameters query parameter names left out of comparison
 * @param probes paths that {@code GET} or {@code HEAD} may ask at any time in strict mode and
 *     that are served again once used up
 * @param unmatchedStatus the status of the Docker error for a request that matches nothing
 * @param stdinTimeout how long a hijacked replay waits for the client to send the stdin bytes (or
 *     the half-close) that were recorded before it goes on
 * @param redaction applied to incoming requests before comparison, as it was to the recording
 */
public record ReplayOptions(ReplayMode mode, Pace pace, List<String> ignoredBodyFields,
        Set<String> ignoredQueryParameters, Set<String> probes, int unmatchedStatus, Duration stdinTimeout,
        Redaction redaction) {

    /** The default status for an unmatched request; see {@link #defaults()}. */
    public static final int UNMATCHED_STATUS = 400;

    public ReplayOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(pace, "pace");
        ignoredBodyFields = List.copyOf(ignoredBodyFields);
        for (String pointer : ignoredBodyFields) {
            if (!pointer.startsWith("/")) {
                throw new IllegalArgumentException("ignored body fields are JSON pointers starting with /, got \"" + pointer + "\"");
            }
        }
        ignoredQueryParameters = Set.copyOf(ignoredQueryParameters);
        probes = Set.copyOf(probes);
        if (unmatchedStatus < 400 || unmatchedStatus > 599) {
            throw new IllegalArgumentException("the unmatched status must be an error status (4xx or 5xx)");
        }
        Objects.requireNonNull(stdinTimeout, "stdinTimeout");
        Objects.requireNonNull(redaction, "redaction");
    }

    /**
     * Lenient, instant, nothing ignored, probes {@code /_ping}, {@code /version}, {@code /info},
     * unmatched requests answered {@code 400} (not 404: the docker CLI treats a 404 from
     * {@code containers/create} as a missing image and tries to pull it, and {@code inspect}
     * moves on to the next object type, so the explanation would never be shown), stdin waited
     * for up to 10 s, default redaction.
     */
    public static ReplayOptions defaults() {
        return new ReplayOptions(ReplayMode.LENIENT, Pace.instant(), List.of(), Set.of(), Set.of("/_ping", "/version", "/info"),
                UNMATCHED_STATUS, Duration.ofSeconds(10), Redaction.defaults());
    }

    public ReplayOptions withMode(ReplayMode newMode) {
        return new ReplayOptions(newMode, pace, ignoredBodyFields, ignoredQueryParameters, probes, unmatchedStatus,
                stdinTimeout, redaction);
    }

    public ReplayOptions withPace(Pace newPace) {
        return new ReplayOptions(mode, newPace, ignoredBodyFields, ignoredQueryParameters, probes, unmatchedStatus,
                stdinTimeout, redaction);
    }

    public ReplayOptions withIgnoredBodyFields(String... pointers) {
        return new ReplayOptions(mode, pace, List.of(pointers), ignoredQueryParameters, probes, unmatchedStatus,
                stdinTimeout, redaction);
    }

    public ReplayOptions withIgnoredQueryParameters(String... names) {
        return new ReplayOptions(mode, pace, ignoredBodyFields, Set.of(names), probes, unmatchedStatus, stdinTimeout,
                redaction);
    }

    public ReplayOptions withProbes(Set<String> paths) {
        return new ReplayOptions(mode, pace, ignoredBodyFields, ignoredQueryParameters, paths, unmatchedStatus,
                stdinTimeout, redaction);
    }

    public ReplayOptions withUnmatchedStatus(int status) {
        return new ReplayOptions(mode, pace, ignoredBodyFields, ignoredQueryParameters, probes, status, stdinTimeout,
                redaction);
    }

    public ReplayOptions withStdinTimeout(Duration timeout) {
        return new ReplayOptions(mode, pace, ignoredBodyFields, ignoredQueryParameters, probes, unmatchedStatus, timeout,
                redaction);
    }

    public ReplayOptions withRedaction(Redaction newRedaction) {
        return new ReplayOptions(mode, pace, ignoredBodyFields, ignoredQueryParameters, probes, unmatchedStatus,
                stdinTimeout, newRedaction);
    }
}
