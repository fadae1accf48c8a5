package dev.dockmock.replay;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.session.Cassette;
import dev.dockmock.session.Interaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Answers from a recorded cassette. A request is matched to a recorded interaction by method,
 * normalised path, query and body (see {@link ReplayOptions}); identical requests get their
 * recordings in recorded order. A request that matches nothing gets a Docker error (status
 * {@link ReplayOptions#unmatchedStatus()}) naming the nearest recorded interaction and what
 * differs, which the docker CLI prints after "Error response from daemon:".
 *
 * <pre>{@code
 * ReplayDispatcher replay = new ReplayDispatcher(Cassette.load(file), ReplayOptions.defaults().withMode(ReplayMode.STRICT));
 * try (DockMockServer server = DockMockServer.builder().host("unix:///tmp/r.sock").dispatcher(replay).build().start()) {
 *     // run the clients
 * }
 * replay.verify();
 * }</pre>
 */
public final class ReplayDispatcher implements Dispatcher {
    private final List<Interaction> interactions;
    private final ReplayOptions options;
    private final RequestMatcher matcher;
    private final Responses responses;
    private final Pacer pacer;
    private final Set<Integer> used = new HashSet<>();
    /** Interactions by method and normalised path, each list in recorded order: only these can match. */
    private final Map<String, List<Interaction>> byMethodAndPath = new HashMap<>();
    /** Per bucket of {@link #byMethodAndPath}, the index of its first unused interaction. */
    private final Map<String, int[]> bucketCursors = new HashMap<>();
    /** Index of the first interaction that may still be the next expected one (strict mode). */
    private int expectedCursor;
    private final List<String> unmatched = new CopyOnWriteArrayList<>();

    public ReplayDispatcher(Cassette cassette, ReplayOptions options) {
        this(cassette, options, Ticker.SYSTEM);
    }

    public ReplayDispatcher(Cassette cassette) {
        this(cassette, ReplayOptions.defaults());
    }

    ReplayDispatcher(Cassette cassette, ReplayOptions options, Ticker ticker) {
        this.interactions = cassette.interactions().stream().sorted(Comparator.comparingInt(Interaction::id)).toList();
        this.options = Objects.requireNonNull(options, "options");
        this.matcher = new RequestMatcher(options);
        this.pacer = new Pacer(options.pace(), ticker);
        this.responses = new Responses(pacer, options.stdinTimeout().toNanos());
        for (Interaction interaction : interactions) {
            byMethodAndPath.computeIfAbsent(key(interaction.request().method(), interaction.request().path()),
                    k -> new ArrayList<>()).add(interaction);
        }
    }

    private static String key(String method, String path) {
        return method + ' ' + path;
    }

    /** The first unused interaction that is not a probe, in recorded order; the cursor only moves forward. */
    private Interaction nextExpected() {
        while (expectedCursor < interactions.size()) {
            Interaction next = interactions.get(expectedCursor);
            if (!used.contains(next.id()) && !isProbe(next)) {
                return next;
            }
            expectedCursor++;
        }
        return null;
    }

    @Override
    public ApiResponse dispatch(ApiRequest request) {
        long origin = pacer.now();
        Incoming incoming = Incoming.of(request, options);
        Interaction chosen;
        synchronized (this) {
            String key = key(incoming.method(), incoming.path());
            List<Interaction> candidates = byMethodAndPath.getOrDefault(key, List.of());
            int[] cursor = bucketCursors.computeIfAbsent(key, k -> new int[1]);
            while (cursor[0] < candidates.size() && used.contains(candidates.get(cursor[0]).id())) {
                cursor[0]++; // used ones stay used, so the first unused only moves forward
            }
            Interaction firstUnused = null;
            for (Interaction candidate : candidates.subList(cursor[0], candidates.size())) {
                if (!used.contains(candidate.id()) && matcher.differences(candidate, incoming).isEmpty()) {
                    firstUnused = candidate;
                    break;
                }
            }
            boolean probe = isProbe(incoming);
            if (firstUnused == null) {
                List<Interaction> matches = candidates.stream().filter(i -> matcher.differences(i, incoming).isEmpty()).toList();
                if (matches.isEmpty()) {
                    return miss(NearMiss.message(incoming, interactions, matcher, used));
                }
                if (options.mode() == ReplayMode.LENIENT || probe) {
                    chosen = matches.get(matches.size() - 1);
                } else {
                    return miss("dockmock replay (strict): " + incoming.describe() + " was recorded " + matches.size()
                            + (matches.size() == 1 ? " time" : " times") + " and has been served already ("
                            + String.join(", ", matches.stream().map(i -> "#" + i.id()).toList()) + ")");
                }
            } else if (options.mode() == ReplayMode.LENIENT || probe) {
                chosen = firstUnused;
            } else {
                Interaction expected = nextExpected();
                if (expected == firstUnused) {
                    chosen = expected;
                } else {
                    return miss("dockmock replay (strict): " + incoming.describe() + " came out of order: it matches "
                            + firstUnused.describe() + ", but the next recorded interaction is " + expected.describe());
                }
            }
            used.add(chosen.id());
        }
        return responses.replay(chosen.response(), origin);
    }

    private ApiResponse miss(String message) {
        unmatched.add(message);
        return ApiResponse.error(options.unmatchedStatus(), message);
    }

    private boolean isProbe(Incoming incoming) {
        return isProbe(incoming.method(), incoming.path());
    }

    private boolean isProbe(Interaction interaction) {
        return isProbe(interaction.request().method(), interaction.request().path());
    }

    private boolean isProbe(String method, String path) {
        return (method.equals("GET") || method.equals("HEAD")) && options.probes().contains(path);
    }

    /** Recorded interactions no request has been served from yet, in recorded order. */
    public synchronized List<Interaction> unused() {
        return interactions.stream().filter(i -> !used.contains(i.id())).toList();
    }

    /** The error messages of requests that matched nothing (or came out of order), in order. */
    public List<String> unmatched() {
        return List.copyOf(unmatched);
    }

    /**
     * Checks that every recorded interaction was served.
     *
     * @throws UnusedInteractionsError listing those that were not
     */
    public void verify() {
        List<Interaction> left = unused();
        if (!left.isEmpty()) {
            throw new UnusedInteractionsError(left);
        }
    }

    public ReplayOptions options() {
        return options;
    }
}
