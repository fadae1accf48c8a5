package dev.dockmock.engine.process;

import java.util.Locale;
import java.util.regex.Pattern;

/** awk's conversions between numbers and strings, and what counts as true. */
final class AwkValues {
    private static final Pattern NUMBER_PREFIX = Pattern.compile("^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private AwkValues() {
    }

    static double number(Object value) {
        if (value instanceof Double d) {
            return d;
        }
        java.util.regex.Matcher m = NUMBER_PREFIX.matcher(text(value));
        return m.find() ? Double.parseDouble(m.group().strip()) : 0;
    }

    static String text(Object value) {
        return value instanceof Double d ? output(d) : String.valueOf(value);
    }

    /** How awk prints a number: integers plainly, others with six significant digits. */
    static String output(Object value) {
        if (!(value instanceof Double d)) {
            return String.valueOf(value);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return String.valueOf((long) d.doubleValue());
        }
        String text = String.format(Locale.ROOT, "%.6g", d);
        return text.contains("e") ? text : text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static boolean truth(Object value) {
        return value instanceof Double d ? d != 0 : !String.valueOf(value).isEmpty();
    }

}
