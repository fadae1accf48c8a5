package dev.dockmock.journal;

import java.util.Comparator;
import java.util.List;

/**
 * A journal verification that failed. The message says what was expected, how many requests
 * matched, the nearest request that did not match and why, and the requests received (the
 * latest {@value #SHOWN}).
 */
public final class JournalVerificationError extends AssertionError {
    static final int SHOWN = 25;

    private final transient RequestPattern pattern;
    private final transient List<JournalEntry> matching;

    JournalVerificationError(RequestPattern pattern, Expectation expectation, List<JournalEntry> matching,
            List<JournalEntry> all, long dropped) {
        super(message(pattern, expectation, matching, all, dropped));
        this.pattern = pattern;
        this.matching = List.copyOf(matching);
    }

    public RequestPattern pattern() {
        return pattern;
    }

    /** The requests that matched the pattern. */
    public List<JournalEntry> matching() {
        return matching;
    }

    private static String message(RequestPattern pattern, Expectation expectation, List<JournalEntry> matching,
            List<JournalEntry> all, long dropped) {
        StringBuilder text = new StringBuilder("dockmock: expected ").append(pattern.describe()).append(" to be requested ")
                .append(expectation.describe()).append(", but it was requested ")
                .append(matching.isEmpty() ? "never" : Expectation.times(matching.size())).append('.');
        if (!matching.isEmpty() && matching.size() > expectation.max()) {
            text.append("\nMatching requests:");
            matching.stream().limit(SHOWN).forEach(e -> text.append("\n  ").append(e.describe()));
        }
        if (matching.size() < expectation.min()) {
            all.stream().filter(e -> !pattern.matches(e))
                    .min(Comparator.comparingInt(pattern::distance).thenComparing(Comparator.comparingLong(JournalEntry::sequence).reversed()))
                    .ifPresent(nearest -> text.append("\nNearest request: ").append(nearest.describe())
                            .append("\n  which differs in ").append(String.join("; ", pattern.differences(nearest))));
        }
        if (all.isEmpty()) {
            text.append("\nNo requests were received").append(dropped > 0 ? " (" + dropped + " older ones were dropped)." : ".");
            return text.toString();
        }
        text.append("\nRequests received (").append(all.size());
        if (dropped > 0) {
            text.append(" kept, ").append(dropped).append(" older dropped");
        }
        text.append(all.size() > SHOWN ? "; the latest " + SHOWN + " shown):" : "):");
        all.subList(Math.max(0, all.size() - SHOWN), all.size()).forEach(e -> text.append("\n  ").append(e.describe()));
        return text.toString();
    }
}
