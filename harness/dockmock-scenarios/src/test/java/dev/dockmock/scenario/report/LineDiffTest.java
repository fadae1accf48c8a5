package dev.dockmock.scenario.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockmock.scenario.report.DiffLine.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void aChangedLineIsRemovedThenAdded() {
        List<DiffLine> diff = LineDiff.between("a\nb\nc\n", "a\nB\nc\n");

        assertThat(diff).containsExactly(new DiffLine(Kind.SAME, "a"), new DiffLine(Kind.REMOVED, "b"),
                new DiffLine(Kind.ADDED, "B"), new DiffLine(Kind.SAME, "c"));
    }

    @Test
    void insertionsAndDeletionsAnywhere() {
        assertThat(LineDiff.unified(LineDiff.between("x\na\nb\n", "a\nb\ny\nz\n")))
                .isEqualTo("--- expected\n+++ actual\n- x\n  a\n  b\n+ y\n+ z\n");
        assertThat(LineDiff.between("", "one")).containsExactly(new DiffLine(Kind.REMOVED, ""), new DiffLine(Kind.ADDED, "one"));
        assertThat(LineDiff.between("same", "same")).containsExactly(new DiffLine(Kind.SAME, "same"));
    }

    @Test
    void randomTextsGetAShortestDiffThatRebuildsBothSides() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            List<String> a = randomLines(random);
            List<String> b = randomLines(random);
            List<DiffLine> diff = LineDiff.between(a, b);

            assertThat(side(diff, Kind.ADDED)).as("expected side of %s vs %s", a, b).isEqualTo(a);
            assertThat(side(diff, Kind.REMOVED)).as("actual side of %s vs %s", a, b).isEqualTo(b);
            long same = diff.stream().filter(line -> line.kind() == Kind.SAME).count();
            assertThat(same).as("common lines of %s vs %s", a, b).isEqualTo(longestCommonSubsequence(a, b));
        }
    }

    @Test
    void beyondTheEditLimitTheDiffIsStillCorrectThoughNotMinimal() {
        List<String> a = IntStream.range(0, LineDiff.MAX_EDITS + 10).mapToObj(i -> "a" + i).toList();
        List<String> b = IntStream.range(0, LineDiff.MAX_EDITS + 10).mapToObj(i -> "b" + i).toList();
        List<DiffLine> diff = LineDiff.between(a, b);

        assertThat(side(diff, Kind.ADDED)).isEqualTo(a);
        assertThat(side(diff, Kind.REMOVED)).isEqualTo(b);
    }

    @Test
    void longUnchangedRunsFoldAroundTheChanges() {
        List<String> a = IntStream.range(0, 30).mapToObj(i -> "line " + i).toList();
        List<String> b = new ArrayList<>(a);
        b.set(15, "changed");
        List<DiffLine> folded = LineDiff.folded(LineDiff.between(a, b), 3);

        assertThat(folded).extracting(DiffLine::kind).containsExactly(Kind.FOLDED, Kind.SAME, Kind.SAME, Kind.SAME,
                Kind.REMOVED, Kind.ADDED, Kind.SAME, Kind.SAME, Kind.SAME, Kind.FOLDED);
        assertThat(folded.get(0).text()).isEqualTo("12 unchanged lines");
        assertThat(folded.get(9).text()).isEqualTo("11 unchanged lines");
        assertThat(LineDiff.folded(LineDiff.between(a, a), 3)).hasSize(30);
    }

    private static List<String> side(List<DiffLine> diff, Kind without) {
        return diff.stream().filter(line -> line.kind() != without).map(DiffLine::text).toList();
    }

    private static List<String> randomLines(Random random) {
        return IntStream.range(0, random.nextInt(12)).mapToObj(i -> String.valueOf((char) ('a' + random.nextInt(4)))).toList();
    }

    private static int longestCommonSubsequence(List<String> a, List<String> b) {
        int[][] table = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                table[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? table[i - 1][j - 1] + 1 : Math.max(table[i - 1][j], table[i][j - 1]);
            }
        }
        return table[a.size()][b.size()];
    }
}
