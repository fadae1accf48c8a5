package dev.dockmock.engine.process;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Applets that read stdin: {@code cat}, {@code head}, {@code tail}, {@code wc}, {@code tee}.
 * There are no files: {@code /dev/null} reads as empty, other names as missing.
 */
final class StreamApplets {

    private StreamApplets() {
    }

    static int cat(ProcessIo io) throws InterruptedException {
        List<String> files = operands(io.argv(), List.of());
        if (files.isEmpty()) {
            Stdin.copy(io.stdin(), io::stdout);
            return 0;
        }
        int status = 0;
        for (String file : files) {
            if (file.equals("-") || file.equals("/dev/stdin")) {
                Stdin.copy(io.stdin(), io::stdout);
            } else if (!file.equals("/dev/null")) {
                status = Math.max(status, fromFiles(io, file));
            }
        }
        return status;
    }

    /** {@code head [-n N | -N | -c N]}: the first lines (or bytes) of stdin; reading stops there. */
    static int head(ProcessIo io) throws InterruptedException {
        Count count = Count.parse(io, 10);
        if (count == null) {
            return 1;
        }
        if (!count.files.isEmpty()) {
            return count.files.stream().filter(f -> !f.equals("-")).map(f -> missing(io, f)).reduce(0, Math::max);
        }
        long remaining = count.value;
        byte[] buffer = new byte[8192];
        while (remaining > 0) {
            int read = Stdin.read(io.stdin(), buffer);
            if (read < 0) {
                break;
            }
            int end = 0;
            while (end < read && remaining > 0) {
                if (count.bytes || buffer[end] == '\n') {
                    remaining--;
                }
                end++;
            }
            byte[] chunk = new byte[end];
            System.arraycopy(buffer, 0, chunk, 0, end);
            io.stdout(chunk);
        }
        return 0;
    }

    /** {@code tail [-n N] [-f] [FILE]}: the last lines of stdin; {@code -f /dev/null} waits forever. */
    static int tail(ProcessIo io) throws InterruptedException {
        Count count = Count.parse(io, 10);
        if (count == null) {
            return 1;
        }
        boolean opened = count.files.isEmpty();
        for (String file : count.files) {
            if (file.equals("/dev/null")) {
                opened = true;
            } else {
                missing(io, file);
            }
        }
        if (!opened) {
            io.stderr("tail: no files\n");
            return 1;
        }
        if (count.files.isEmpty()) {
            Deque<String> lines = new ArrayDeque<>();
            for (String line = Stdin.readLine(io.stdin()); line != null; line = Stdin.readLine(io.stdin())) {
                lines.addLast(line);
                if (lines.size() > count.value) {
                    lines.removeFirst();
                }
            }
            io.stdout(String.join("", lines));
        }
        if (count.follow) {
            Thread.sleep(Long.MAX_VALUE);
        }
        return 0;
    }

    /** {@code wc [-lwc]}: counts of stdin, each nine wide; one count alone is printed unpadded. */
    static int wc(ProcessIo io) throws InterruptedException {
        String flags = String.join("", io.argv().subList(1, io.argv().size()).stream()
                .filter(arg -> arg.startsWith("-") && arg.length() > 1).map(arg -> arg.substring(1)).toList());
        List<String> files = operands(io.argv(), List.of());
        if (!files.isEmpty()) {
            return files.stream().map(f -> missing(io, f)).reduce(0, Math::max);
        }
        byte[] data = Stdin.readAll(io.stdin());
        String text = new String(data, StandardCharsets.UTF_8);
        long lines = text.chars().filter(c -> c == '\n').count();
        long words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
        List<Long> counts = new ArrayList<>();
        boolean all = flags.isEmpty();
        if (all || flags.contains("l")) {
            counts.add(lines);
        }
        if (all || flags.contains("w")) {
            counts.add(words);
        }
        if (all || flags.contains("c") || flags.contains("m")) {
            counts.add(flags.contains("m") ? text.length() : (long) data.length);
        }
        StringBuilder out = new StringBuilder();
        for (long value : counts) {
            out.append(out.length() == 0 ? "" : " ")
                    .append(counts.size() == 1 ? Long.toString(value) : String.format(Locale.ROOT, "%9d", value));
        }
        io.stdout(out.append('\n').toString());
        return 0;
    }

    /** {@code tee [-a] [FILE]...}: stdin to stdout; the files are discarded. */
    static int tee(ProcessIo io) throws InterruptedException {
        Stdin.copy(io.stdin(), io::stdout);
        return 0;
    }

    /** {@code cat FILE} from the container's files: its bytes, or busybox's complaint. */
    private static int fromFiles(ProcessIo io, String file) {
        Optional<ProcessFiles.Entry> entry = io.files().lookup(KnownPaths.absolute(file, io.workingDir()));
        if (entry.isEmpty()) {
            return missing(io, file);
        }
        if (entry.get() instanceof ProcessFiles.Entry.File regular) {
            io.stdout(regular.content());
            return 0;
        }
        io.stderr(Applets.name(io) + ": read error: Is a directory\n");
        return 1;
    }

    static int missing(ProcessIo io, String file) {
        io.stderr(Applets.name(io) + ": can't open '" + file + "': No such file or directory\n");
        return 1;
    }

    /** The non-option arguments; options listed in {@code withValue} take the next argument. */
    static List<String> operands(List<String> argv, List<String> withValue) {
        List<String> operands = new ArrayList<>();
        for (int i = 1; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (withValue.contains(arg)) {
                i++;
            } else if (arg.equals("-") || !arg.startsWith("-")) {
                operands.add(arg);
            }
        }
        return operands;
    }

    /** The options of head and tail. */
    private record Count(long value, boolean bytes, boolean follow, List<String> files) {
        static Count parse(ProcessIo io, long defaultValue) {
            long value = defaultValue;
            boolean bytes = false;
            boolean follow = false;
            List<String> files = new ArrayList<>();
            List<String> args = io.argv();
            for (int i = 1; i < args.size(); i++) {
                String arg = args.get(i);
                String number = null;
                if (arg.equals("-n") || arg.equals("-c")) {
                    bytes = arg.equals("-c");
                    number = i + 1 < args.size() ? args.get(++i) : "";
                } else if (arg.matches("-[nc].+")) {
                    bytes = arg.charAt(1) == 'c';
                    number = arg.substring(2);
                } else if (arg.matches("-[0-9]+")) {
                    number = arg.substring(1);
                } else if (arg.equals("-f") || arg.equals("-F")) {
                    follow = true;
                } else if (arg.equals("-") || !arg.startsWith("-")) {
                    files.add(arg);
                }
                if (number != null) {
                    try {
                        value = Long.parseLong(number.startsWith("+") ? number.substring(1) : number);
                    } catch (NumberFormatException e) {
                        io.stderr(Applets.name(io) + ": invalid number '" + number + "'\n");
                        return null;
                    }
                }
            }
            return new Count(value, bytes, follow, files);
        }
    }
}
