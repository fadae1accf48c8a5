package dev.dockmock.engine.process;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code grep [-ivcqnlLhHsowxFE] [-e PATTERN]... PATTERN [FILE]...} as busybox's: basic regular
 * expressions unless {@code -E} or {@code -F}, {@code file:} prefixes with several files, exit 0
 * when a line was selected, 1 when none was, 2 on a missing file or a bad command line.
 */
final class GrepApplet {

    private GrepApplet() {
    }

    static int run(ProcessIo io) throws InterruptedException {
        GrepOptions options = GrepOptions.parse(io.argv());
        if (options == null) {
            io.stderr("Usage: grep [-HhnlLoqvsiwFE] { PATTERN | -e PATTERN... } [FILE]...\n");
            return 2;
        }
        Pattern pattern;
        try {
            pattern = options.pattern();
        } catch (PatternSyntaxException e) {
            io.stderr("grep: bad regex '" + String.join("|", options.patterns()) + "'\n");
            return 2;
        }
        List<String> files = options.files().isEmpty() ? List.of("-") : options.files();
        boolean prefix = options.has('H') || files.size() > 1 && !options.has('h');
        boolean selected = false;
        boolean failed = false;
        for (String file : files) {
            InputStream in = file.equals("-") ? io.stdin() : open(io, file, options.has('s'));
            if (in == null) {
                failed = true;
                continue;
            }
            String name = file.equals("-") ? "(standard input)" : file;
            int count = search(io, in, pattern, options, prefix ? name + ":" : "");
            selected |= count > 0;
            if (options.has('q') && selected) {
                return 0;
            }
            if (options.has('c')) {
                io.stdout((prefix ? name + ":" : "") + count + "\n");
            } else if (options.has('l') && count > 0 || options.has('L') && count == 0) {
                io.stdout(name + "\n");
            }
        }
        return failed ? 2 : selected ? 0 : 1;
    }

    /** Prints the selected lines (unless counting, listing or quiet); how many were selected. */
    private static int search(ProcessIo io, InputStream in, Pattern pattern, GrepOptions options, String prefix)
            throws InterruptedException {
        String text = new String(Stdin.readAll(in), StandardCharsets.UTF_8);
        List<String> lines = Stdin.lines(text);
        boolean printLines = !options.has('c') && !options.has('l') && !options.has('L') && !options.has('q');
        int count = 0;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher matcher = pattern.matcher(line);
            boolean found = options.has('x') ? matcher.matches() : matcher.find();
            if (found == options.has('v')) {
                continue;
            }
            count++;
            if (!printLines) {
                continue;
            }
            String head = prefix + (options.has('n') ? (i + 1) + ":" : "");
            if (options.has('o') && !options.has('v')) {
                matcher.reset();
                while (matcher.find()) {
                    if (matcher.end() > matcher.start()) {
                        out.append(head).append(matcher.group()).append('\n');
                    }
                }
            } else {
                out.append(head).append(line).append('\n');
            }
        }
        io.stdout(out.toString());
        return count;
    }

    /** What {@code path} holds for the process to read; null when it is missing or may not be read. */
    private static ProcessFiles.Entry readable(ProcessIo io, String path) {
        try {
            return io.files().read(path).orElse(null);
        } catch (ProcessFiles.Failure denied) {
            return null;
        }
    }

    /** A file operand, or null after busybox's complaint (none with {@code -s}). */
    private static InputStream open(ProcessIo io, String file, boolean silent) {
        String path = KnownPaths.absolute(file, io.workingDir());
        if (silent && !KnownPaths.isDevice(path) && !path.equals("/dev/stdin")
                && !(readable(io, path) instanceof ProcessFiles.Entry.File)) {
            return null;
        }
        return FileOperands.open(io, file, true);
    }
}
