package dev.dockmock.engine.process;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** busybox {@code paste}, {@code nl} and {@code fold}: lines joined, numbered and wrapped. */
final class LayoutApplets {

    private LayoutApplets() {
    }

    /** {@code paste [-s] [-d LIST] [FILE]...}: the files' lines side by side (or each file on one line with {@code -s}). */
    static int paste(ProcessIo io) throws InterruptedException {
        Optional<AppletOptions> parsed = AppletOptions.parse(io, "sd:", Map.of());
        if (parsed.isEmpty()) {
            return FileApplets.usage(io, "paste [-d LIST] [-s] [FILE]...");
        }
        List<String> delimiters = delimiters(parsed.get().last("d", "\t"));
        List<String> names = parsed.get().operands().isEmpty() ? List.of("-") : parsed.get().operands();
        List<List<String>> files = new ArrayList<>();
        List<String> stdin = null;
        int dashes = (int) names.stream().filter("-"::equals).count();
        int dash = 0;
        for (String name : names) {
            if (name.equals("-") && stdin != null || name.equals("-") && dashes > 1 && !parsed.get().has("s")) {
                stdin = stdin == null ? lines(io, "-", true) : stdin;
                // each "-" takes the next line of stdin in turn
                List<String> share = new ArrayList<>();
                for (int i = dash++; i < stdin.size(); i += dashes) {
                    share.add(stdin.get(i));
                }
                files.add(share);
                continue;
            }
            List<String> lines = lines(io, name, true);
            if (lines == null) {
                return 1;
            }
            files.add(lines);
        }
        StringBuilder out = new StringBuilder();
        if (parsed.get().has("s")) {
            files.forEach(lines -> out.append(joined(lines, delimiters)).append('\n'));
        } else {
            int rows = files.stream().mapToInt(List::size).max().orElse(0);
            for (int row = 0; row < rows; row++) {
                List<String> cells = new ArrayList<>();
                for (List<String> lines : files) {
                    cells.add(row < lines.size() ? lines.get(row) : "");
                }
                out.append(joined(cells, delimiters)).append('\n');
            }
        }
        io.stdout(out.toString());
        return 0;
    }

    /** {@code nl [-b a|t|n] [-i N] [-s SEP] [-v N] [-w N] [FILE]...}: numbers the lines (by default the non-empty ones). */
    static int nl(ProcessIo io) throws InterruptedException {
        Optional<AppletOptions> parsed = AppletOptions.parse(io, "pb:i:s:v:w:", Map.of());
        if (parsed.isEmpty()) {
            return FileApplets.usage(io, "nl [-p] [-b STYLE] [-i N] [-s STR] [-v N] [-w N] [FILE]...");
        }
        AppletOptions options = parsed.get();
        String style = options.last("b", "t");
        String separator = options.last("s", "\t");
        int width = number(options.last("w", "6"));
        long next = number(options.last("v", "1"));
        int step = number(options.last("i", "1"));
        StringBuilder out = new StringBuilder();
        int status = 0;
        for (String name : options.operands().isEmpty() ? List.of("-") : options.operands()) {
            List<String> lines = lines(io, name, false);
            if (lines == null) {
                status = 1;
                continue;
            }
            for (String line : lines) {
                boolean numbered = style.equals("a") || style.equals("t") && !line.isEmpty();
                if (numbered) {
                    out.append(String.format("%" + width + "d", next)).append(separator).append(line).append('\n');
                    next += step;
                } else {
                    out.append(" ".repeat(width + separator.length())).append(line).append('\n');
                }
            }
        }
        io.stdout(out.toString());
        return status;
    }

    /** {@code fold [-bs] [-w WIDTH] [FILE]...}: breaks lines longer than WIDTH columns (at a blank with {@code -s}). */
    static int fold(ProcessIo io) throws InterruptedException {
        Optional<AppletOptions> parsed = AppletOptions.parse(io, "bsw:", Map.of());
        if (parsed.isEmpty()) {
            return FileApplets.usage(io, "fold [-bs] [-w WIDTH] [FILE]...");
        }
        int width = Math.max(1, number(parsed.get().last("w", "80")));
        StringBuilder out = new StringBuilder();
        int status = 0;
        for (String name : parsed.get().operands().isEmpty() ? List.of("-") : parsed.get().operands()) {
            InputStream in = name.equals("-") ? io.stdin() : FileOperands.open(io, name, false);
            if (in == null) {
                status = 1;
                continue;
            }
            TextFold.fold(new String(Stdin.readAll(in), StandardCharsets.UTF_8), width, parsed.get().has("s"),
                    parsed.get().has("b"), out);
        }
        io.stdout(out.toString());
        return status;
    }

    /** {@code -d}'s list: one delimiter a character, {@code \n}, {@code \t}, {@code \\} and {@code \0} (none) escaped. */
    private static List<String> delimiters(String list) {
        List<String> delimiters = new ArrayList<>();
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '\\' && i + 1 < list.length()) {
                char escaped = list.charAt(++i);
                delimiters.add(switch (escaped) {
                    case 'n' -> "\n";
                    case 't' -> "\t";
                    case '0' -> "";
                    default -> String.valueOf(escaped);
                });
            } else {
                delimiters.add(String.valueOf(c));
            }
        }
        return delimiters;
    }

    private static String joined(List<String> cells, List<String> delimiters) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0 && !delimiters.isEmpty()) {
                line.append(delimiters.get((i - 1) % delimiters.size()));
            }
            line.append(cells.get(i));
        }
        return line.toString();
    }

    private static List<String> lines(ProcessIo io, String name, boolean perror) throws InterruptedException {
        InputStream in = name.equals("-") ? io.stdin() : FileOperands.open(io, name, perror);
        return in == null ? null : Stdin.lines(new String(Stdin.readAll(in), StandardCharsets.UTF_8));
    }

    private static int number(String text) {
        return text.matches("-?\\d{1,9}") ? Integer.parseInt(text) : 0;
    }
}
