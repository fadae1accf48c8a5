package dev.dockmock.scenario.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where requests go on the vertical time axis of a sequence diagram. Time runs down, but not at one
 * scale: a burst of requests a millisecond apart still gets {@link #MIN_GAP} pixels per arrow (room
 * for its label), gaps grow with the pause between requests up to {@link #MAX_GAP}, and longer
 * pauses are cut down to a {@link Break} that says how long they were. So a run of minutes with a
 * few bursts stays as tall as its number of requests, not as long as its duration.
 */
final class TimelineLayout {
    static final double MIN_GAP = 22;
    static final double MAX_GAP = 64;
    /** Between the two limits, 0.4 pixels per millisecond: 100 ms shows as 40 px. */
    static final double PIXELS_PER_MILLI = 0.4;

    /** A pause cut short in the drawing: drawn at {@code y}, lasting {@code pause}. */
    record Break(double y, Duration pause) {}

    private final long[] nanos;
    private final double[] ys;
    private final List<Break> breaks = new ArrayList<>();

    /**
     * @param origin time zero of the axis (the scenario's start)
     * @param starts the requests' start times, in order
     * @param top where the first request goes
     */
    TimelineLayout(Instant origin, List<Instant> starts, double top) {
        nanos = new long[starts.size()];
        ys = new double[starts.size()];
        for (int i = 0; i < starts.size(); i++) {
            nanos[i] = Duration.between(origin, starts.get(i)).toNanos();
            if (i == 0) {
                ys[i] = top;
                continue;
            }
            double natural = (nanos[i] - nanos[i - 1]) / 1e6 * PIXELS_PER_MILLI;
            double gap = Math.max(MIN_GAP, Math.min(natural, MAX_GAP));
            if (natural > MAX_GAP) {
                breaks.add(new Break(ys[i - 1] + gap / 2, Duration.ofNanos(nanos[i] - nanos[i - 1])));
            }
            ys[i] = ys[i - 1] + gap;
        }
    }

    /** Where the {@code index}-th request starts. */
    double start(int index) {
        return ys[index];
    }

    /**
     * Where an instant falls: between the starts around it, proportionally; after the last start,
     * at the natural scale but at most {@link #MAX_GAP} further down.
     */
    double at(long nanosFromOrigin) {
        if (nanos.length == 0) {
            return 0;
        }
        int before = lastAtOrBefore(nanosFromOrigin);
        if (before < 0) {
            return ys[0];
        }
        if (before == nanos.length - 1) {
            double natural = (nanosFromOrigin - nanos[before]) / 1e6 * PIXELS_PER_MILLI;
            return ys[before] + Math.min(natural, MAX_GAP);
        }
        double fraction = (double) (nanosFromOrigin - nanos[before]) / (nanos[before + 1] - nanos[before]);
        return ys[before] + fraction * (ys[before + 1] - ys[before]);
    }

    /** The nanoseconds from the origin of the {@code index}-th request. */
    long offset(int index) {
        return nanos[index];
    }

    /** The pauses cut short, top to bottom. */
    List<Break> breaks() {
        return List.copyOf(breaks);
    }

    /** Where the last request starts, or 0 without requests. */
    double last() {
        return ys.length == 0 ? 0 : ys[ys.length - 1];
    }

    private int lastAtOrBefore(long value) {
        int low = 0;
        int high = nanos.length - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (nanos[middle] <= value) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }
}
