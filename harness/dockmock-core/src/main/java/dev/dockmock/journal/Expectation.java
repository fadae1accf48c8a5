package dev.dockmock.journal;

/**
 * How many matching requests a verification accepts: between {@code min} and {@code max}, both
 * included.
 *
 * @param min the fewest accepted
 * @param max the most accepted ({@link Integer#MAX_VALUE} for no limit)
 */
public record Expectation(int min, int max) {

    public Expectation {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("expected between " + min + " and " + max + " requests: not a range");
        }
    }

    public static Expectation exactly(int times) {
        return new Expectation(times, times);
    }

    public static Expectation atLeast(int times) {
        return new Expectation(times, Integer.MAX_VALUE);
    }

    public static Expectation atMost(int times) {
        return new Expectation(0, times);
    }

    public boolean accepts(int count) {
        return count >= min && count <= max;
    }

    /** {@code exactly 1 time}, {@code at least 2 times}, {@code never}, {@code between 1 and 3 times}. */
    public String describe() {
        if (min == max) {
            return min == 0 ? "never" : "exactly " + times(min);
        }
        if (max == Integer.MAX_VALUE) {
            return "at least " + times(min);
        }
        return min == 0 ? "at most " + times(max) : "between " + min + " and " + times(max);
    }

    static String times(int n) {
        return n + (n == 1 ? " time" : " times");
    }
}
