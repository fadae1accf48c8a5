package dev.dockmock.scenario.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text helpers shared by the report writers: characters XML cannot hold, escaping for HTML and
 * SVG, and the number formats the reports use.
 */
final class ReportText {
    private ReportText() {
    }

    /**
     * The text with every character XML 1.0 cannot carry made visible instead: C0 controls other than
     * tab, newline and carriage return become their Unicode control pictures (ESC shows as ␛), DEL
     * as ␡, lone surrogates and the non-characters U+FFFE/U+FFFF as U+FFFD. Client output is full of
     * ANSI escapes; dropping them silently would hide that they were there.
     */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char replacement = replacement(text, i, c);
            if (replacement != c && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement);
            }
            if (Character.isHighSurrogate(c) && replacement == c) {
                if (out != null) {
                    out.append(text.charAt(i + 1));
                }
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    private static char replacement(String text, int i, char c) {
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            return (char) (0x2400 + c);
        }
        if (c == 0x7f) {
            return '\u2421';
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? c : '\uFFFD';
        }
        if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
            return '\uFFFD';
        }
        return c;
    }

    /** Escapes text for HTML and SVG element content and quoted attribute values. */
    static String html(String text) {
        String clean = printable(text);
        StringBuilder out = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Seconds with millisecond precision, as JUnit XML's {@code time} wants: {@code 1.234}. */
    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration == null ? 0.0 : duration.toNanos() / 1e9);
    }

    /** Milliseconds with microsecond precision, or null for an unknown duration. */
    static Double millis(Duration duration) {
        return duration == null ? null : Math.round(duration.toNanos() / 1e3) / 1e3;
    }

    /** A duration for people: {@code 850 µs}, {@code 12 ms}, {@code 3.40 s}, {@code 2 min 5 s}. */
    static String human(Duration duration) {
        if (duration == null) {
            return "still running";
        }
        long nanos = duration.toNanos();
        if (nanos < 1_000_000) {
            return (nanos / 1000) + " µs";
        }
        if (nanos < 1_000_000_000) {
            return (nanos / 1_000_000) + " ms";
        }
        if (nanos < 60_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        }
        return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
    }

    /** The lines of a text; a final line break does not start another line. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.replace("\r\n", "\n").split("\n", -1)));
        if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** At most {@code max} characters, ending in an ellipsis when cut. */
    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
