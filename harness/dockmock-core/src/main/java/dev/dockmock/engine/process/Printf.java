package dev.dockmock.engine.process;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code printf FORMAT [ARG]...}: conversions {@code %s %b %c %d %i %u %o %x %X %f %e %g %%} with
 * flags, width and precision ({@code *} too), and the format reused while arguments remain.
 */
final class Printf {
    private final List<String> args;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StringBuilder errors = new StringBuilder();
    private int next;
    private boolean stopped;

    private Printf(List<String> args) {
        this.args = args;
    }

    static int run(ProcessIo io) {
        List<String> argv = io.argv().subList(1, io.argv().size());
        if (!argv.isEmpty() && argv.get(0).equals("--")) {
            argv = argv.subList(1, argv.size());
        }
        if (argv.isEmpty()) {
            io.stderr("Usage: printf FORMAT [ARGUMENT]...\n");
            return 1;
        }
        Printf printf = new Printf(argv.subList(1, argv.size()));
        do {
            int before = printf.next;
            printf.format(argv.get(0));
            if (printf.next == before) {
                break;
            }
        } while (!printf.stopped && printf.next < printf.args.size());
        io.stdout(printf.out.toByteArray());
        io.stderr(printf.errors.toString());
        return printf.errors.length() == 0 ? 0 : 1;
    }

    private void format(String format) {
        int i = 0;
        while (i < format.length() && !stopped) {
            char c = format.charAt(i);
            if (c == '\\' && i + 1 < format.length()) {
                int end = escapeEnd(format, i);
                stopped = !Escapes.append(format.substring(i, end), false, out);
                i = end;
            } else if (c == '%' && i + 1 < format.length()) {
                i = conversion(format, i + 1);
            } else {
                int end = i + 1;
                while (end < format.length() && format.charAt(end) != '\\' && format.charAt(end) != '%') {
                    end++;
                }
                write(format.substring(i, end));
                i = end;
            }
        }
    }

    /** The end of the escape at {@code start}: {@code \n}, {@code \NNN} or {@code \xHH}. */
    private static int escapeEnd(String format, int start) {
        int end = start + 2;
        char kind = format.charAt(start + 1);
        int max = kind >= '0' && kind <= '7' ? start + 4 : kind == 'x' ? start + 4 : end;
        while (end < max && end < format.length() && Character.digit(format.charAt(end), kind == 'x' ? 16 : 8) >= 0) {
            end++;
        }
        return end;
    }

    private int conversion(String format, int start) {
        if (format.charAt(start) == '%') {
            write("%");
            return start + 1;
        }
        int i = start;
        StringBuilder flags = new StringBuilder();
        while (i < format.length() && "-+ #0".indexOf(format.charAt(i)) >= 0) {
            flags.append(format.charAt(i++));
        }
        int width = -1;
        if (i < format.length() && format.charAt(i) == '*') {
            width = (int) number(nextArg());
            i++;
        } else {
            int end = digitsEnd(format, i);
            width = end > i ? Integer.parseInt(format.substring(i, end)) : -1;
            i = end;
        }
        if (width < -1) {
            flags.append('-');
            width = -width;
        }
        int precision = -1;
        if (i < format.length() && format.charAt(i) == '.') {
            i++;
            if (i < format.length() && format.charAt(i) == '*') {
                precision = Math.max(0, (int) number(nextArg()));
                i++;
            } else {
                int end = digitsEnd(format, i);
                precision = end > i ? Integer.parseInt(format.substring(i, end)) : 0;
                i = end;
            }
        }
        while (i < format.length() && "hlLqjzt".indexOf(format.charAt(i)) >= 0) {
            i++;
        }
        if (i >= format.length()) {
            errors.append("printf: %").append(format, start, i).append(": invalid format\n");
            stopped = true;
            return i;
        }
        char conversion = format.charAt(i);
        String text = PrintfConversions.convert(this, conversion, flags.toString(), width, precision);
        if (text == null) {
            errors.append("printf: %").append(format, start, i + 1).append(": invalid format\n");
            stopped = true;
        } else {
            write(text);
        }
        return i + 1;
    }

    private static int digitsEnd(String format, int i) {
        while (i < format.length() && Character.isDigit(format.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The next argument, or {@code null} when there are no more. */
    String nextArg() {
        return next < args.size() ? args.get(next++) : null;
    }

    /** Appends {@code %b}'s argument; {@code \c} in it stops all output. */
    void writeEscaped(String text) {
        stopped |= !Escapes.append(text, true, out);
    }

    void write(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** An integer argument as C's strtol reads it; complains about trailing garbage as busybox does. */
    long number(String arg) {
        if (arg == null || arg.isEmpty()) {
            return 0;
        }
        if ((arg.startsWith("'") || arg.startsWith("\"")) && arg.length() > 1) {
            return arg.codePointAt(1);
        }
        String text = arg.strip();
        try {
            boolean negative = text.startsWith("-");
            String digits = negative || text.startsWith("+") ? text.substring(1) : text;
            long value;
            if (digits.toLowerCase(Locale.ROOT).startsWith("0x")) {
                value = Long.parseUnsignedLong(digits.substring(2), 16);
            } else if (digits.length() > 1 && digits.startsWith("0")) {
                value = Long.parseLong(digits.substring(1), 8);
            } else {
                value = Long.parseUnsignedLong(digits);
            }
            return negative ? -value : value;
        } catch (NumberFormatException e) {
            errors.append("printf: invalid number '").append(arg).append("'\n");
            return 0;
        }
    }

    double decimal(String arg) {
        if (arg == null || arg.isEmpty()) {
            return 0;
        }
        try {
            return Double.parseDouble(arg.strip());
        } catch (NumberFormatException e) {
            errors.append("printf: invalid number '").append(arg).append("'\n");
            return 0;
        }
    }
}
