package dev.dockmock.server;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} header value, formatted at most once a second. */
final class HttpDate {
    /**
     * RFC 9110's IMF-fixdate. Not {@code RFC_1123_DATE_TIME}: that writes days before the 10th
     * with one digit ({@code Wed, 5 Nov 2025}), which HTTP does not allow.
     */
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static volatile Cached cached = new Cached(0, "");

    private record Cached(long second, String text) {
    }

    private HttpDate() {
    }

    static String now() {
        long second = System.currentTimeMillis() / 1000;
        Cached current = cached;
        if (current.second != second) {
            current = new Cached(second, format(second));
            cached = current;
        }
        return current.text;
    }

    static String format(long epochSecond) {
        return FORMAT.format(Instant.ofEpochSecond(epochSecond));
    }
}
