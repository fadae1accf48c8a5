package dev.dockmock.cli.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Whether a soak's samples stayed flat. The first fifth of the samples (at least one) is warm-up
 * and not judged: class loading, JIT, the server's pool filling up. Of the rest, the median of the
 * last third is compared with the median of the first third, for each resource:
 * <ul>
 * <li>heap after GC: at most 1.25 times the first third's median plus 8 MiB;</li>
 * <li>live threads: at most 1.1 times plus 8;</li>
 * <li>open file descriptors: at most 1.1 times plus 16.</li>
 * </ul>
 * Medians, not peaks, because threads and fds swing with the connections in flight when the
 * sample is taken; the allowances are far below what a leak of one thread, socket or container per round
 * reaches within a minute. Fewer than three samples after warm-up cannot be judged (not flat).
 */
final class FlatnessRule {
    /** The rule in one line, for the report and soak.json. */
    static final String TEXT = "after warm-up (the first fifth of the samples), the median of the last third may exceed "
            + "the median of the first third by at most: heap after GC x1.25 + 8 MiB, threads x1.1 + 8, fds x1.1 + 16";
    /** The rule as lines of at most 90 characters, for {@code --help}. */
    static final String LINES = """
            The first fifth of the samples (at least one) is warm-up; of the rest, the median of
            the last third may exceed the median of the first third by at most:
                heap after GC   x1.25 + 8 MiB
                live threads    x1.1 + 8
                open fds        x1.1 + 16
            Fewer than three samples after warm-up cannot be judged (exit 1).
            """;
    private static final int MIN_JUDGED = 3;

    private FlatnessRule() {
    }

    /** One resource: its medians, its limit and whether it stayed within it. */
    record Check(String resource, String unit, double firstMedian, double lastMedian, double limit) {
        boolean flat() {
            return lastMedian <= limit;
        }
    }

    /**
     * The verdict on a run.
     *
     * @param checks one per judged resource (empty when there were too few samples)
     * @param judgedSamples samples after warm-up
     */
    record Verdict(List<Check> checks, int judgedSamples) {
        boolean judged() {
            return judgedSamples >= MIN_JUDGED;
        }

        boolean flat() {
            return judged() && checks.stream().allMatch(Check::flat);
        }

        String word() {
            return !judged() ? "too short to judge" : flat() ? "flat" : "growing";
        }
    }

    /** How many of the first samples are warm-up. */
    static int warmUpSamples(int samples) {
        return Math.max(1, samples / 5);
    }

    static Verdict judge(List<Sample> samples) {
        int warmUp = warmUpSamples(samples.size());
        List<Sample> judged = samples.size() > warmUp ? samples.subList(warmUp, samples.size()) : List.of();
        if (judged.size() < MIN_JUDGED) {
            return new Verdict(List.of(), judged.size());
        }
        int third = judged.size() / 3;
        List<Sample> first = judged.subList(0, third);
        List<Sample> last = judged.subList(judged.size() - third, judged.size());
        List<Check> checks = new ArrayList<>();
        checks.add(check("heap after GC", "MiB", first, last, Sample::heapMiB, 1.25, 8));
        checks.add(check("threads", "", first, last, Sample::threads, 1.1, 8));
        if (judged.stream().allMatch(s -> s.fds() >= 0)) {
            checks.add(check("open fds", "", first, last, Sample::fds, 1.1, 16));
        }
        return new Verdict(List.copyOf(checks), judged.size());
    }

    private static Check check(String resource, String unit, List<Sample> first, List<Sample> last, ToDoubleFunction<Sample> value,
            double factor, double slack) {
        double firstMedian = median(first, value);
        return new Check(resource, unit, firstMedian, median(last, value), firstMedian * factor + slack);
    }

    static double median(List<Sample> samples, ToDoubleFunction<Sample> value) {
        double[] values = samples.stream().mapToDouble(value).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
