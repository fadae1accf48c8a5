package dev.dockmock.engine.process;

import java.util.IllegalFormatException;
import java.util.Locale;

/** One printf conversion, formatted as C's printf does. */
final class PrintfConversions {

    private PrintfConversions() {
    }

    /** The text for {@code %<flags><width>.<precision><conversion>}, or {@code null} for an unknown conversion. */
    static String convert(Printf printf, char conversion, String flags, int width, int precision) {
        switch (conversion) {
            case 's': {
                String arg = printf.nextArg();
                String text = arg == null ? "" : arg;
                return pad(precision >= 0 && precision < text.length() ? text.substring(0, precision) : text, flags, width);
            }
            case 'b': {
                String arg = printf.nextArg();
                printf.writeEscaped(arg == null ? "" : arg);
                return "";
            }
            case 'c': {
                String arg = printf.nextArg();
                return pad(arg == null || arg.isEmpty() ? "" : arg.substring(0, arg.offsetByCodePoints(0, 1)), flags, width);
            }
            case 'd':
            case 'i':
                return integer(printf.number(printf.nextArg()), true, 10, flags, width, precision, false);
            case 'u':
                return integer(printf.number(printf.nextArg()), false, 10, flags, width, precision, false);
            case 'o':
                return integer(printf.number(printf.nextArg()), false, 8, flags, width, precision, false);
            case 'x':
            case 'X':
                return integer(printf.number(printf.nextArg()), false, 16, flags, width, precision, conversion == 'X');
            case 'f':
            case 'F':
            case 'e':
            case 'E':
            case 'g':
            case 'G':
                return decimal(printf.decimal(printf.nextArg()), conversion, flags, width, precision);
            default:
                return null;
        }
    }

    private static String integer(long value, boolean signed, int radix, String flags, int width, int precision,
            boolean upper) {
        String digits = signed ? Long.toString(Math.abs(value)) : Long.toUnsignedString(value, radix);
        if (signed && value == Long.MIN_VALUE) {
            digits = Long.toString(value).substring(1);
        }
        if (upper) {
            digits = digits.toUpperCase(Locale.ROOT);
        }
        if (precision >= 0) {
            digits = precision == 0 && value == 0 ? "" : "0".repeat(Math.max(0, precision - digits.length())) + digits;
        }
        String sign = "";
        if (signed) {
            sign = value < 0 ? "-" : flags.contains("+") ? "+" : flags.contains(" ") ? " " : "";
        }
        if (flags.contains("#") && value != 0) {
            sign = radix == 16 ? (upper ? "0X" : "0x") : radix == 8 && !digits.startsWith("0") ? "0" : sign;
        }
        if (flags.contains("0") && !flags.contains("-") && precision < 0 && width > sign.length() + digits.length()) {
            digits = "0".repeat(width - sign.length() - digits.length()) + digits;
        }
        return pad(sign + digits, flags, width);
    }

    private static String decimal(double value, char conversion, String flags, int width, int precision) {
        StringBuilder format = new StringBuilder("%");
        for (char flag : flags.toCharArray()) {
            boolean unsupported = flag == '#' && (conversion == 'g' || conversion == 'G')
                    || flag == '0' && flags.contains("-") || format.indexOf(String.valueOf(flag)) > 0;
            if (!unsupported) {
                format.append(flag);
            }
        }
        if (width > 0) {
            format.append(width);
        }
        format.append('.').append(precision >= 0 ? precision : 6).append(conversion == 'F' ? 'f' : conversion);
        try {
            return String.format(Locale.ROOT, format.toString(), value);
        } catch (IllegalFormatException e) {
            return pad(String.format(Locale.ROOT, "%." + (precision >= 0 ? precision : 6) + "f", value), flags, width);
        }
    }

    static String pad(String text, String flags, int width) {
        if (width <= text.length()) {
            return text;
        }
        String spaces = " ".repeat(width - text.length());
        return flags.contains("-") ? text + spaces : spaces + text;
    }
}
