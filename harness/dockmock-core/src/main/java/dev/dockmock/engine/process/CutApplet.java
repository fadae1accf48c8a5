package dev.dockmock.engine.process;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code cut}: selected bytes, characters or fields of each line, as busybox cuts them. */
final class CutApplet {
    private static final String NO_LIST = "cut: expected a list of bytes, characters, or fields\n";

    private CutApplet() {
    }

    /** One range of positions, 1-based and inclusive; {@code to} is {@link Integer#MAX_VALUE} when open. */
    private record Range(int from, int to) {
        boolean contains(int position) {
            return position >= from && position <= to;
        }
    }

    /**
     * {@code cut -b LIST | -c LIST | -f LIST [-d DELIM] [-s] [FILE]...}: LIST is comma-separated
     * {@code N}, {@code N-}, {@code N-M} or {@code -M}. A line without the delimiter is printed
     * whole under {@code -f}, unless {@code -s}. Files are read as {@code head} reads them.
     */
    static int run(ProcessIo io) throws InterruptedException {
        String list = null;
        boolean fields = false;
        String delimiter = "\t";
        boolean onlyDelimited = false;
        List<String> files = new ArrayList<>();
        List<String> args = io.argv();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.length() >= 2 && arg.charAt(0) == '-' && "bcfd".indexOf(arg.charAt(1)) >= 0) {
                String value = arg.length() > 2 ? arg.substring(2) : i + 1 < args.size() ? args.get(++i) : "";
                if (arg.charAt(1) == 'd') {
                    delimiter = value.isEmpty() ? "\t" : value.substring(0, 1);
                } else {
                    list = value;
                    fields = arg.charAt(1) == 'f';
                }
            } else if (arg.equals("-s")) {
                onlyDelimited = true;
            } else if (!arg.startsWith("-") || arg.equals("-")) {
                files.add(arg);
            }
        }
        List<Range> ranges = list == null ? null : ranges(list);
        if (ranges == null) {
            io.stderr(NO_LIST);
            return 1;
        }
        if (files.isEmpty()) {
            files.add("-");
        }
        int status = 0;
        for (String file : files) {
            InputStream in = file.equals("-") ? io.stdin() : FileOperands.open(io, file, true);
            if (in == null) {
                status = 1;
                continue;
            }
            String text = new String(Stdin.readAll(in), StandardCharsets.UTF_8);
            List<String> lines = Stdin.lines(text);
            StringBuilder out = new StringBuilder();
            for (String line : lines) {
                cutLine(line, ranges, fields, delimiter, onlyDelimited, out);
            }
            io.stdout(out.toString());
        }
        return status;
    }

    private static void cutLine(String line, List<Range> ranges, boolean fields, String delimiter, boolean onlyDelimited,
            StringBuilder out) {
        if (!fields) {
            for (int i = 0; i < line.length(); i++) {
                if (selected(ranges, i + 1)) {
                    out.append(line.charAt(i));
                }
            }
            out.append('\n');
            return;
        }
        if (!line.contains(delimiter)) {
            if (!onlyDelimited) {
                out.append(line).append('\n');
            }
            return;
        }
        String[] parts = line.split(java.util.regex.Pattern.quote(delimiter), -1);
        boolean first = true;
        for (int i = 0; i < parts.length; i++) {
            if (selected(ranges, i + 1)) {
                out.append(first ? "" : delimiter).append(parts[i]);
                first = false;
            }
        }
        out.append('\n');
    }

    private static boolean selected(List<Range> ranges, int position) {
        for (Range range : ranges) {
            if (range.contains(position)) {
                return true;
            }
        }
        return false;
    }

    /** The ranges of a LIST, or null when it is not one (busybox 1.35 reads position 0 as 1). */
    private static List<Range> ranges(String list) {
        List<Range> ranges = new ArrayList<>();
        for (String part : list.split(",", -1)) {
            try {
                int dash = part.indexOf('-');
                if (dash < 0) {
                    int at = Math.max(1, Integer.parseInt(part));
                    ranges.add(new Range(at, at));
                } else {
                    int from = dash == 0 ? 1 : Math.max(1, Integer.parseInt(part.substring(0, dash)));
                    int to = dash == part.length() - 1 ? Integer.MAX_VALUE : Integer.parseInt(part.substring(dash + 1));
                    if (dash == 0 && dash == part.length() - 1 || to < from) {
                        return null;
                    }
                    ranges.add(new Range(from, to));
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return ranges;
    }
}
