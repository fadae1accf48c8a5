package dev.dockmock.replay;

import dev.dockmock.session.Interaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The message for a request no recorded interaction matches: what the nearest one differs in. */
final class NearMiss {
    private static final int SHOWN_DIFFERENCES = 5;

    private NearMiss() {
    }

    /**
     * {@code dockmock replay: no recorded interaction for ...; nearest is ..., which differs in ...}:
     * the nearest is the one with the least weight of differences, an unused one winning a tie.
     */
    static String message(Incoming incoming, List<Interaction> interactions, RequestMatcher matcher, Set<Integer> used) {
        String head = "dockmock replay: no recorded interaction for " + incoming.describe();
        Interaction nearest = null;
        List<Difference> nearestDifferences = List.of();
        int best = Integer.MAX_VALUE;
        for (Interaction interaction : interactions) {
            List<Difference> differences = matcher.differences(interaction, incoming);
            int score = differences.stream().mapToInt(Difference::weight).sum();
            boolean better = score < best || (score == best && nearest != null && used.contains(nearest.id())
                    && !used.contains(interaction.id()));
            if (better) {
                best = score;
                nearest = interaction;
                nearestDifferences = differences;
            }
        }
        if (nearest == null) {
            return head + "; the cassette has no interactions";
        }
        List<String> shown = new ArrayList<>();
        for (Difference difference : nearestDifferences.subList(0, Math.min(SHOWN_DIFFERENCES, nearestDifferences.size()))) {
            shown.add(difference.toString());
        }
        String more = nearestDifferences.size() > SHOWN_DIFFERENCES
                ? "; and " + (nearestDifferences.size() - SHOWN_DIFFERENCES) + " more" : "";
        return head + "; nearest is " + nearest.describe() + ", which differs in " + String.join("; ", shown) + more;
    }
}
