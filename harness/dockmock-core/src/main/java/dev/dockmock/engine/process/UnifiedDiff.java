package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The unified diff of two texts, as busybox's {@code diff} prints it: a longest common
 * subsequence taken from the front (so {@code a b c} against {@code c b a} keeps {@code c}),
 * deletions before insertions in each change, hunks joined when fewer than twice the context
 * lines separate them, context lines from the first text, and {@code \ No newline at end of file}
 * after a last line without one.
 */
final class UnifiedDiff {
    /** Past this many line pairs the texts are not aligned: the whole of one is replaced by the other. */
    private static final long LIMIT = 16_000_000L;

    private enum Op { SAME, DELETE, INSERT }

    private record Step(Op op, int left, int right) {
    }

    private UnifiedDiff() {
    }

    /**
     * The hunks ({@code @@ ... @@} and their lines) or the empty string when the texts compare
     * equal under {@code normal} (case or blanks ignored).
     */
    static String hunks(String left, String right, int context, UnaryOperator<String> normal) {
        List<String> a = Stdin.lines(left);
        List<String> b = Stdin.lines(right);
        List<Step> steps = steps(a.stream().map(normal).toList(), b.stream().map(normal).toList());
        if (steps.stream().allMatch(step -> step.op() == Op.SAME)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < steps.size()) {
            if (steps.get(i).op() == Op.SAME) {
                i++;
                continue;
            }
            int start = Math.max(0, i - context);
            int end = i;
            // extend the hunk while the next change is within twice the context
            while (true) {
                while (end < steps.size() && steps.get(end).op() != Op.SAME) {
                    end++;
                }
                int next = end;
                while (next < steps.size() && steps.get(next).op() == Op.SAME) {
                    next++;
                }
                if (next < steps.size() && next - end <= 2 * context) {
                    end = next;
                } else {
                    end = Math.min(steps.size(), end + context);
                    break;
                }
            }
            hunk(out, steps.subList(start, end), a, b, left.endsWith("\n") || left.isEmpty(), right.endsWith("\n") || right.isEmpty());
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Step> steps, List<String> a, List<String> b, boolean leftEnds,
            boolean rightEnds) {
        int leftStart = -1;
        int rightStart = -1;
        int leftCount = 0;
        int rightCount = 0;
        StringBuilder body = new StringBuilder();
        for (Step step : steps) {
            if (step.op() != Op.INSERT) {
                leftStart = leftStart < 0 ? step.left() : leftStart;
                leftCount++;
            }
            if (step.op() != Op.DELETE) {
                rightStart = rightStart < 0 ? step.right() : rightStart;
                rightCount++;
            }
            boolean fromLeft = step.op() != Op.INSERT;
            int index = fromLeft ? step.left() : step.right();
            List<String> lines = fromLeft ? a : b;
            body.append(step.op() == Op.SAME ? ' ' : step.op() == Op.DELETE ? '-' : '+').append(lines.get(index)).append('\n');
            if (index == lines.size() - 1 && !(fromLeft ? leftEnds : rightEnds)) {
                body.append("\\ No newline at end of file\n");
            }
        }
        Step first = steps.get(0);
        out.append("@@ -").append(range(leftStart < 0 ? first.left() : leftStart, leftCount)).append(" +")
                .append(range(rightStart < 0 ? first.right() : rightStart, rightCount)).append(" @@\n").append(body);
    }

    /** {@code start,count} one-based; a single line is just its number, no lines name the line before. */
    private static String range(int start, int count) {
        if (count == 0) {
            return start + ",0";
        }
        return count == 1 ? String.valueOf(start + 1) : (start + 1) + "," + count;
    }

    private static List<Step> steps(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        List<Step> steps = new ArrayList<>();
        if ((long) n * m > LIMIT) {
            for (int i = 0; i < n; i++) {
                steps.add(new Step(Op.DELETE, i, 0));
            }
            for (int j = 0; j < m; j++) {
                steps.add(new Step(Op.INSERT, n, j));
            }
            return steps;
        }
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j)) && common[i][j] == common[i + 1][j + 1] + 1) {
                steps.add(new Step(Op.SAME, i++, j++));
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                steps.add(new Step(Op.DELETE, i++, j));
            } else {
                steps.add(new Step(Op.INSERT, i, j++));
            }
        }
        return steps;
    }
}
