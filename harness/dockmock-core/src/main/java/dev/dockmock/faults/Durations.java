package dev.dockmock.faults;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as fixtures write them: {@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 3m}, {@code 100us}. */
public final class Durations {
    private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h)");

    private Durations() {
    }

    /** @throws IllegalArgumentException for anything else, naming the accepted forms */
    public static Duration parse(String text) {
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: \"" + text + "\" (write 250ms, 2s, 1.5s, 3m)");
        }
        double value = Double.parseDouble(m.group(1));
        double nanos = value * switch (m.group(2)) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
        return Duration.ofNanos((long) nanos);
    }
}
