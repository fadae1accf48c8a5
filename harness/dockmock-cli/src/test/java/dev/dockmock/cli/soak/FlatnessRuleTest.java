package dev.dockmock.cli.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The flat/growing rule on made-up samples, and the exit code it leads to. */
class FlatnessRuleTest {
    private static final long MIB = 1L << 20;

    @Test
    void steadySeriesIsFlatAndExitsZero() {
        List<Sample> samples = series(30, i -> sample(i, 20 * MIB, 45, 60));

        FlatnessRule.Verdict verdict = FlatnessRule.judge(samples);

        assertThat(verdict.word()).isEqualTo("flat");
        assertThat(verdict.checks()).extracting(FlatnessRule.Check::resource).containsExactly("heap after GC", "threads", "open fds");
        assertThat(outcome(samples, 0).exitCode()).isZero();
    }

    @Test
    void heapThatSwingsWithoutTrendIsFlat() {
        // As in the ten-minute run of record: heap after GC between 12 and 32 MiB, depending on what is in flight.
        long[] heap = {20, 12, 32, 15, 25, 12, 30, 18, 14, 31, 22, 12};
        List<Sample> samples = series(60, i -> sample(i, heap[i % heap.length] * MIB, 39 + i % 12, 44 + (i * 7) % 52));

        assertThat(FlatnessRule.judge(samples).flat()).isTrue();
    }

    @Test
    void growingHeapIsGrowingAndExitsOne() {
        // The first ten-minute run: heap after GC from 34 to 206 MiB as exec instances piled up.
        List<Sample> samples = series(60, i -> sample(i, (34 + i * 3L) * MIB, 45, 60));

        FlatnessRule.Verdict verdict = FlatnessRule.judge(samples);

        assertThat(verdict.word()).isEqualTo("growing");
        assertThat(verdict.checks()).filteredOn(check -> !check.flat()).extracting(FlatnessRule.Check::resource)
                .containsExactly("heap after GC");
        assertThat(outcome(samples, 0).exitCode()).isEqualTo(1);
    }

    @Test
    void aThreadOrFdLeakedEveryFewSecondsIsGrowing() {
        List<Sample> threads = series(30, i -> sample(i, 20 * MIB, 40 + i, 60));
        List<Sample> fds = series(30, i -> sample(i, 20 * MIB, 40, 60 + 2 * i));

        assertThat(FlatnessRule.judge(threads).checks()).filteredOn(check -> !check.flat())
                .extracting(FlatnessRule.Check::resource).containsExactly("threads");
        assertThat(FlatnessRule.judge(fds).checks()).filteredOn(check -> !check.flat())
                .extracting(FlatnessRule.Check::resource).containsExactly("open fds");
        assertThat(outcome(fds, 0).exitCode()).isEqualTo(1);
    }

    @Test
    void growthDuringWarmUpAloneIsNotCounted() {
        // Pools fill up in the first seconds: 20 threads, then 45 for the rest of the run.
        List<Sample> samples = series(20, i -> sample(i, (i < 4 ? 8 : 40) * MIB, i < 4 ? 20 : 45, i < 4 ? 30 : 80));

        assertThat(FlatnessRule.judge(samples).flat()).isTrue();
    }

    @Test
    void mediansAreComparedSoOneHighLastSampleDoesNotMakeGrowth() {
        List<Sample> samples = series(30, i -> sample(i, (i == 29 ? 90 : 20) * MIB, 45, 60));

        FlatnessRule.Verdict verdict = FlatnessRule.judge(samples);

        assertThat(verdict.flat()).isTrue();
        assertThat(verdict.checks().get(0).lastMedian()).isEqualTo(20.0);
    }

    @Test
    void tooFewSamplesCannotBeJudgedAndExitOne() {
        List<Sample> samples = series(3, i -> sample(i, 20 * MIB, 45, 60));

        FlatnessRule.Verdict verdict = FlatnessRule.judge(samples);

        assertThat(verdict.judged()).isFalse();
        assertThat(verdict.word()).isEqualTo("too short to judge");
        assertThat(outcome(samples, 0).exitCode()).isEqualTo(1);
    }

    @Test
    void flatButWithWrongAnswersExitsOne() {
        List<Sample> samples = series(30, i -> sample(i, 20 * MIB, 45, 60));

        assertThat(outcome(samples, 3).exitCode()).isEqualTo(1);
    }

    private static List<Sample> series(int count, IntFunction<Sample> sample) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(sample.apply(i));
        }
        return samples;
    }

    private static Sample sample(int index, long heap, int threads, int fds) {
        return new Sample(2.0 * (index + 1), heap, 150 * MIB, threads, fds, 1000L * index, 900L * index);
    }

    private static SoakOutcome outcome(List<Sample> samples, long failures) {
        SoakOptions options = new SoakOptions(Duration.ofSeconds(60), 8, Duration.ofSeconds(2), Path.of("out"), true, false, false);
        return new SoakOutcome(options, samples, Map.of("create", 10L), failures, Map.of(), 10, 10, 20, 100, Optional.empty(),
                FlatnessRule.judge(samples));
    }
}
