package dev.dockmock.cli.bench;

/**
 * Latencies in microseconds, counted in log-linear buckets: exact below 128 µs, then 64 buckets
 * per power of two, so any percentile is within 1/64 (1.6 %) of the true value. Recording is an
 * array increment, so it allocates nothing and costs nothing measurable per request.
 *
 * <p>Not thread-safe: each load thread keeps its own and they are {@link #add added} at the end.
 */
final class Histogram {
    private static final int SUB_BITS = 7;
    private static final int SUB_COUNT = 1 << SUB_BITS;
    private static final int HALF = SUB_COUNT / 2;
    /** 2^40 µs is about 12 days; anything longer is clamped. */
    private static final int MAX_MAGNITUDE = 40 - SUB_BITS + 1;

    private final long[] counts = new long[index(Long.MAX_VALUE) + 1];
    private long total;
    private long max;

    /** Counts one latency; negative values count as zero. */
    void record(long micros) {
        long value = Math.max(0, micros);
        counts[index(value)]++;
        total++;
        if (value > max) {
            max = value;
        }
    }

    /** Adds every count of {@code other} to this one. */
    void add(Histogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    long count() {
        return total;
    }

    long max() {
        return max;
    }

    /**
     * The value at or below which {@code percent} of the recorded latencies lie, as the middle of
     * its bucket (never above the largest value seen, and exactly that for 100); 0 when nothing
     * was recorded.
     */
    long percentile(double percent) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(total * percent / 100.0));
        if (rank >= total) {
            return max;
        }
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, middle(i));
            }
        }
        return max;
    }

    static int index(long value) {
        if (value < SUB_COUNT) {
            return (int) value;
        }
        int magnitude = Math.min(MAX_MAGNITUDE, 64 - Long.numberOfLeadingZeros(value) - SUB_BITS);
        long sub = Math.min(SUB_COUNT - 1, value >>> magnitude);
        return magnitude * HALF + (int) sub;
    }

    static long lowest(int index) {
        if (index < SUB_COUNT) {
            return index;
        }
        int magnitude = index / HALF - 1;
        long sub = index - magnitude * HALF;
        return sub << magnitude;
    }

    private static long middle(int index) {
        if (index < SUB_COUNT) {
            return index;
        }
        long low = lowest(index);
        long width = 1L << (index / HALF - 1);
        return low + width / 2;
    }
}
