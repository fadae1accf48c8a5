package dev.dockmock.engine.process;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** {@code sort} and {@code uniq} over stdin or files, as busybox's (the C locale: byte order). */
final class SortApplet {

    private SortApplet() {
    }

    /**
     * {@code sort [-rnuf] [-t SEP] [-k N[,M]] [FILE]...}: all the lines of all the inputs, ordered;
     * a missing file is {@code sort: x: No such file or directory}, exit 2.
     */
    static int sort(ProcessIo io) throws InterruptedException {
        String flags = "";
        String separator = null;
        int keyFrom = 0;
        int keyTo = 0;
        List<String> files = new ArrayList<>();
        List<String> args = io.argv();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-t") || arg.equals("-k")) {
                String value = i + 1 < args.size() ? args.get(++i) : "";
                if (arg.equals("-t")) {
                    separator = value;
                } else {
                    String[] range = value.split(",");
                    keyFrom = parseField(range[0]);
                    keyTo = range.length > 1 ? parseField(range[1]) : 0;
                }
            } else if (arg.startsWith("-t") || arg.startsWith("-k")) {
                args = new ArrayList<>(args);
                args.add(i + 1, arg.substring(2));
                args.set(i, arg.substring(0, 2));
                i--;
            } else if (arg.startsWith("-") && arg.length() > 1) {
                flags += arg.substring(1);
            } else {
                files.add(arg);
            }
        }
        List<String> lines = new ArrayList<>();
        for (String file : files.isEmpty() ? List.of("-") : files) {
            InputStream in = file.equals("-") ? io.stdin() : FileOperands.open(io, file, true);
            if (in == null) {
                return 2;
            }
            lines.addAll(lines(in));
        }
        String sep = separator;
        int from = keyFrom;
        int to = keyTo;
        boolean fold = flags.contains("f");
        Comparator<String> order = flags.contains("n")
                ? Comparator.comparingDouble(line -> number(key(line, sep, from, to)))
                : Comparator.comparing(line -> fold ? key(line, sep, from, to).toUpperCase(Locale.ROOT) : key(line, sep, from, to));
        order = order.thenComparing(Comparator.naturalOrder());
        if (flags.contains("r")) {
            order = order.reversed();
        }
        lines.sort(order);
        StringBuilder out = new StringBuilder();
        String previous = null;
        for (String line : lines) {
            if (flags.contains("u") && previous != null && order.compare(previous, line) == 0) {
                continue;
            }
            out.append(line).append('\n');
            previous = line;
        }
        io.stdout(out.toString());
        return 0;
    }

    /**
     * {@code uniq [-cdu] [INPUT]}: adjacent repeated lines once; {@code -c} counts them
     * ({@code %7d }), {@code -d} only the repeated, {@code -u} only the single ones.
     */
    static int uniq(ProcessIo io) throws InterruptedException {
        String flags = "";
        String file = "-";
        for (String arg : io.argv().subList(1, io.argv().size())) {
            if (arg.startsWith("-") && arg.length() > 1) {
                flags += arg.substring(1);
            } else {
                file = arg;
            }
        }
        InputStream in = file.equals("-") ? io.stdin() : FileOperands.open(io, file, false);
        if (in == null) {
            return 1;
        }
        List<String> lines = lines(in);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size();) {
            int j = i;
            while (j < lines.size() && lines.get(j).equals(lines.get(i))) {
                j++;
            }
            int count = j - i;
            boolean shown = !(flags.contains("d") && count == 1) && !(flags.contains("u") && count > 1);
            if (shown) {
                out.append(flags.contains("c") ? String.format(Locale.ROOT, "%7d ", count) : "").append(lines.get(i)).append('\n');
            }
            i = j;
        }
        io.stdout(out.toString());
        return 0;
    }

    private static List<String> lines(InputStream in) throws InterruptedException {
        return Stdin.lines(new String(Stdin.readAll(in), StandardCharsets.UTF_8));
    }

    private static int parseField(String text) {
        String digits = text.replaceAll("[^0-9].*$", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    /** The sort key: fields {@code from} to {@code to} (1-based, 0 = the whole line / to its end). */
    private static String key(String line, String separator, int from, int to) {
        if (from <= 0) {
            return line;
        }
        List<String> fields = new ArrayList<>();
        if (separator != null && !separator.isEmpty()) {
            fields.addAll(List.of(line.split(java.util.regex.Pattern.quote(separator.substring(0, 1)), -1)));
        } else {
            // Without -t a field is its leading blanks and what follows up to the next blank.
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*\\S*").matcher(line);
            while (m.find() && m.end() > m.start()) {
                fields.add(m.group());
            }
        }
        if (from > fields.size()) {
            return "";
        }
        int end = to <= 0 ? fields.size() : Math.min(to, fields.size());
        String joiner = separator != null && !separator.isEmpty() ? separator.substring(0, 1) : "";
        return String.join(joiner, fields.subList(from - 1, Math.max(from - 1, end))).strip();
    }

    /** The leading number of a key, 0 when there is none. */
    private static double number(String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*-?[0-9]*\\.?[0-9]+").matcher(key);
        return m.find() ? Double.parseDouble(m.group().strip()) : 0;
    }
}
