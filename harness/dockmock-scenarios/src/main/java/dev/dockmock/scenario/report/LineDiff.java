package dev.dockmock.scenario.report;

import dev.dockmock.scenario.report.DiffLine.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A shortest line diff (Myers' O((N+M)D) algorithm) between an expected and an actual text, and
 * its folding into a readable view with a few lines of context around each change.
 */
public final class LineDiff {
    /** Beyond this many differing lines the diff gives up on minimality: all removed, then all added. */
    static final int MAX_EDITS = 2000;

    private LineDiff() {
    }

    /** The diff of two texts, line by line: every line of both, in order, each marked. */
    public static List<DiffLine> between(String expected, String actual) {
        return between(ReportText.lines(expected), ReportText.lines(actual));
    }

    /** The diff of two lists of lines, with the fewest removed plus added lines. */
    public static List<DiffLine> between(List<String> expected, List<String> actual) {
        int prefix = 0;
        while (prefix < expected.size() && prefix < actual.size() && expected.get(prefix).equals(actual.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < expected.size() - prefix && suffix < actual.size() - prefix
                && expected.get(expected.size() - 1 - suffix).equals(actual.get(actual.size() - 1 - suffix))) {
            suffix++;
        }
        List<DiffLine> out = new ArrayList<>();
        expected.subList(0, prefix).forEach(line -> out.add(new DiffLine(Kind.SAME, line)));
        List<String> a = expected.subList(prefix, expected.size() - suffix);
        List<String> b = actual.subList(prefix, actual.size() - suffix);
        out.addAll(removalsFirst(middle(a, b)));
        expected.subList(expected.size() - suffix, expected.size()).forEach(line -> out.add(new DiffLine(Kind.SAME, line)));
        return out;
    }

    private static List<DiffLine> middle(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= Math.min(n + m, MAX_EDITS); d++) {
            int[] previous = d == 0 ? null : trace.get(d - 1);
            int[] v = new int[2 * d + 1];
            for (int k = -d; k <= d; k += 2) {
                int x;
                if (d == 0) {
                    x = 0;
                } else if (k == -d || (k != d && previous[k - 1 + d - 1] < previous[k + 1 + d - 1])) {
                    x = previous[k + 1 + d - 1];
                } else {
                    x = previous[k - 1 + d - 1] + 1;
                }
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[k + d] = x;
                if (x >= n && y >= m) {
                    trace.add(v);
                    return backtrack(trace, a, b);
                }
            }
            trace.add(v);
        }
        List<DiffLine> plain = new ArrayList<>();
        a.forEach(line -> plain.add(new DiffLine(Kind.REMOVED, line)));
        b.forEach(line -> plain.add(new DiffLine(Kind.ADDED, line)));
        return plain;
    }

    private static List<DiffLine> backtrack(List<int[]> trace, List<String> a, List<String> b) {
        List<DiffLine> reversed = new ArrayList<>();
        int x = a.size();
        int y = b.size();
        for (int d = trace.size() - 1; d > 0; d--) {
            int[] previous = trace.get(d - 1);
            int k = x - y;
            int previousK = k == -d || (k != d && previous[k - 1 + d - 1] < previous[k + 1 + d - 1]) ? k + 1 : k - 1;
            int previousX = previous[previousK + d - 1];
            int previousY = previousX - previousK;
            while (x > previousX && y > previousY) {
                reversed.add(new DiffLine(Kind.SAME, a.get(--x)));
                y--;
            }
            if (x == previousX) {
                reversed.add(new DiffLine(Kind.ADDED, b.get(previousY)));
            } else {
                reversed.add(new DiffLine(Kind.REMOVED, a.get(previousX)));
            }
            x = previousX;
            y = previousY;
        }
        while (x > 0 && y > 0) {
            reversed.add(new DiffLine(Kind.SAME, a.get(--x)));
            y--;
        }
        Collections.reverse(reversed);
        return reversed;
    }

    /** Within each run of changed lines, the removed lines before the added ones, as people read diffs. */
    private static List<DiffLine> removalsFirst(List<DiffLine> lines) {
        List<DiffLine> out = new ArrayList<>(lines.size());
        List<DiffLine> added = new ArrayList<>();
        for (DiffLine line : lines) {
            switch (line.kind()) {
                case ADDED -> added.add(line);
                case REMOVED -> out.add(line);
                default -> {
                    out.addAll(added);
                    added.clear();
                    out.add(line);
                }
            }
        }
        out.addAll(added);
        return out;
    }

    /**
     * The diff with each run of unchanged lines longer than {@code 2 * context + 1} cut down to
     * {@code context} lines either side of the changes and one {@link Kind#FOLDED} line between.
     * A diff without changes comes back whole.
     */
    public static List<DiffLine> folded(List<DiffLine> diff, int context) {
        if (diff.stream().allMatch(line -> line.kind() == Kind.SAME)) {
            return diff;
        }
        List<DiffLine> out = new ArrayList<>();
        int i = 0;
        while (i < diff.size()) {
            if (diff.get(i).kind() != Kind.SAME) {
                out.add(diff.get(i++));
                continue;
            }
            int end = i;
            while (end < diff.size() && diff.get(end).kind() == Kind.SAME) {
                end++;
            }
            int keepBefore = i == 0 ? 0 : context;
            int keepAfter = end == diff.size() ? 0 : context;
            if (end - i > keepBefore + keepAfter + 1) {
                out.addAll(diff.subList(i, i + keepBefore));
                int hidden = end - i - keepBefore - keepAfter;
                out.add(new DiffLine(Kind.FOLDED, hidden + (hidden == 1 ? " unchanged line" : " unchanged lines")));
                out.addAll(diff.subList(end - keepAfter, end));
            } else {
                out.addAll(diff.subList(i, end));
            }
            i = end;
        }
        return out;
    }

    /** A unified-diff-like text: {@code -} expected only, {@code +} actual only, {@code ~} folded. */
    public static String unified(List<DiffLine> diff) {
        StringBuilder out = new StringBuilder("--- expected\n+++ actual\n");
        diff.forEach(line -> out.append(line.kind().prefix()).append(' ').append(line.text()).append('\n'));
        return out.toString();
    }
}
