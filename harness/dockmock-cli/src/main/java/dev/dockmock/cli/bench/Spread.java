package dev.dockmock.cli.bench;

import java.util.Arrays;

/**
 * The median of repeated figures and how far they ranged.
 *
 * @param median the middle value (the mean of the two middle ones for an even count)
 * @param min the smallest value
 * @param max the largest value
 */
record Spread(double median, double min, double max) {

    static Spread of(double... values) {
        if (values.length == 0) {
            return new Spread(0, 0, 0);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(median, sorted[0], sorted[sorted.length - 1]);
    }
}
