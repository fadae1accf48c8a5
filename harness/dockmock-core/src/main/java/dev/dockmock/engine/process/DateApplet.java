package dev.dockmock.engine.process;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** {@code date [-u] [-R] [-I[SPEC]] [+FORMAT]}, in UTC (a container has no time zone set). */
final class DateApplet {
    /** busybox date's default format. */
    private static final String DEFAULT = "%a %b %e %H:%M:%S %Z %Y";

    private DateApplet() {
    }

    static int run(ProcessIo io, CommandTable commands) {
        ZonedDateTime now = ZonedDateTime.now(commands.clock()).withZoneSameInstant(ZoneOffset.UTC);
        String format = DEFAULT;
        for (String arg : io.argv().subList(1, io.argv().size())) {
            if (arg.startsWith("+")) {
                format = arg.substring(1);
            } else if (arg.equals("-R")) {
                format = "%a, %d %b %Y %H:%M:%S %z";
            } else if (arg.startsWith("-I")) {
                format = switch (arg.substring(2)) {
                    case "seconds" -> "%Y-%m-%dT%H:%M:%S%:z";
                    case "minutes" -> "%Y-%m-%dT%H:%M%:z";
                    case "hours" -> "%Y-%m-%dT%H%:z";
                    default -> "%Y-%m-%d";
                };
            } else if (!arg.equals("-u") && !arg.equals("--utc")) {
                io.stderr("date: invalid date '" + arg + "'\n");
                return 1;
            }
        }
        io.stdout(format(format, now) + "\n");
        return 0;
    }

    /** strftime's common conversions. */
    static String format(String format, ZonedDateTime time) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char conversion = format.charAt(++i);
            if (conversion == ':' && i + 1 < format.length() && format.charAt(i + 1) == 'z') {
                i++;
                out.append(DateTimeFormatter.ofPattern("xxx", Locale.ROOT).format(time));
                continue;
            }
            out.append(switch (conversion) {
                case 'a' -> time.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT);
                case 'A' -> time.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ROOT);
                case 'b', 'h' -> time.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT);
                case 'B' -> time.getMonth().getDisplayName(TextStyle.FULL, Locale.ROOT);
                case 'd' -> two(time.getDayOfMonth());
                case 'e' -> String.format(Locale.ROOT, "%2d", time.getDayOfMonth());
                case 'H' -> two(time.getHour());
                case 'I' -> two(time.getHour() % 12 == 0 ? 12 : time.getHour() % 12);
                case 'j' -> String.format(Locale.ROOT, "%03d", time.getDayOfYear());
                case 'm' -> two(time.getMonthValue());
                case 'M' -> two(time.getMinute());
                case 'N' -> String.format(Locale.ROOT, "%09d", time.getNano());
                case 'p' -> time.getHour() < 12 ? "AM" : "PM";
                case 's' -> Long.toString(time.toEpochSecond());
                case 'S' -> two(time.getSecond());
                case 'u' -> Integer.toString(time.getDayOfWeek().getValue());
                case 'w' -> Integer.toString(time.getDayOfWeek().getValue() % 7);
                case 'y' -> two(time.getYear() % 100);
                case 'Y' -> Integer.toString(time.getYear());
                case 'z' -> DateTimeFormatter.ofPattern("xx", Locale.ROOT).format(time);
                case 'Z' -> "UTC";
                case 'D' -> format("%m/%d/%y", time);
                case 'F' -> format("%Y-%m-%d", time);
                case 'T' -> format("%H:%M:%S", time);
                case 'R' -> format("%H:%M", time);
                case 'n' -> "\n";
                case 't' -> "\t";
                case '%' -> "%";
                default -> "%" + conversion;
            });
        }
        return out.toString();
    }

    private static String two(int value) {
        return String.format(Locale.ROOT, "%02d", value);
    }
}
