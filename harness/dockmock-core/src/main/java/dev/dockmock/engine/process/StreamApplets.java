package dev.dockmock.engine.process;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Applets that read stdin or the container's files: {@code cat}, {@code head}, {@code tail}
 * ({@code wc} is {@link WcApplet}). Devices ({@code /dev/null}) read as empty; a missing file gets busybox's complaint
 * and makes the status 1, the other operands still being read.
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

    /**
     * {@code head [-n N | -N | -c N] [FILE]...}: the first lines (or bytes) of each file or of
     * stdin (where reading stops there); several files each get a {@code ==> name <==} header.
     */
    static int head(ProcessIo io) throws InterruptedException {
        Count count = Count.parse(io, 10);
        if (count == null) {
            return 1;
        }
        if (count.files.isEmpty()) {
            headOf(io, io.stdin(), count);
            return 0;
        }
        int status = 0;
        String separator = "";
        for (String file : count.files) {
            InputStream in = file.equals("-") ? io.stdin() : open(io, file, true); // fopen_or_warn: "head: x: ..."
            String before = separator;
            separator = "\n"; // after any operand, opened or not, as busybox's head does
            if (in == null) {
                status = 1;
                continue;
            }
            if (count.files.size() > 1) {
                io.stdout(before + "==> " + (file.equals("-") ? "standard input" : file) + " <==\n");
            }
            headOf(io, in, count);
        }
        return status;
    }

    private static void headOf(ProcessIo io, InputStream in, Count count) throws InterruptedException {
        long remaining = count.value;
        byte[] buffer = new byte[8192];
        while (remaining > 0) {
            int read = Stdin.read(in, buffer);
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
            io.stdout(Arrays.copyOf(buffer, end));
        }
    }

    /**
     * {@code tail [-n [+]N | -c N] [-f] [FILE]...}: the last lines (or bytes; {@code +N} from
     * line N on) of each file or of stdin; {@code -f} then waits forever, as nothing grows them.
     */
    static int tail(ProcessIo io) throws InterruptedException {
        Count count = Count.parse(io, 10);
        if (count == null) {
            return 1;
        }
        int status = 0;
        if (count.files.isEmpty()) {
            io.stdout(tailOf(Stdin.readAll(io.stdin()), count));
        } else {
            int opened = 0;
            String separator = "";
            for (String file : count.files) {
                InputStream in = open(io, file);
                if (in == null) {
                    status = 1;
                    continue;
                }
                opened++;
                if (count.files.size() > 1) {
                    io.stdout(separator + "==> " + (file.equals("-") ? "standard input" : file) + " <==\n");
                    separator = "\n";
                }
                io.stdout(tailOf(Stdin.readAll(in), count));
            }
            if (opened == 0) {
                io.stderr("tail: no files\n");
                return 1;
            }
        }
        if (count.follow) {
            Thread.sleep(Long.MAX_VALUE);
        }
        return status;
    }

    private static byte[] tailOf(byte[] data, Count count) {
        if (count.bytes) {
            int from = count.fromStart ? (int) Math.min(data.length, Math.max(0, count.value - 1))
                    : (int) Math.max(0, data.length - count.value);
            return Arrays.copyOfRange(data, from, data.length);
        }
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n' && i + 1 < data.length) {
                starts.add(i + 1);
            }
        }
        int line = count.fromStart ? (int) Math.max(0, count.value - 1) : (int) Math.max(0, starts.size() - count.value);
        if (data.length == 0 || line >= starts.size()) {
            return new byte[0];
        }
        return Arrays.copyOfRange(data, starts.get(line), data.length);
    }

    /** A file operand to read: stdin for {@code -}, a device, or the container's file; null after busybox's complaint. */
    private static InputStream open(ProcessIo io, String file) {
        return file.equals("-") ? io.stdin() : open(io, file, false);
    }

    /**
     * A file operand to read, or null after the complaint: busybox's {@code open_or_warn}
     * ({@code can't open 'x': ...}), or with {@code perror} its {@code fopen_or_warn} ({@code x: ...}).
     */
    static InputStream open(ProcessIo io, String file, boolean perror) {
        String path = KnownPaths.absolute(file, io.workingDir());
        if (path.equals("/dev/stdin")) {
            return io.stdin();
        }
        if (KnownPaths.isDevice(path)) {
            return new ByteArrayInputStream(new byte[0]);
        }
        Optional<ProcessFiles.Entry> entry = io.files().lookup(path);
        if (entry.isPresent() && entry.get() instanceof ProcessFiles.Entry.File regular) {
            return new ByteArrayInputStream(regular.content());
        }
        if (entry.isPresent()) {
            io.stderr(Applets.name(io) + (perror ? ": " + file + ": " : ": read error: ") + "Is a directory\n");
        } else if (perror) {
            io.stderr(Applets.name(io) + ": " + file + ": No such file or directory\n");
        } else {
            missing(io, file);
        }
        return null;
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
    private record Count(long value, boolean bytes, boolean follow, boolean fromStart, List<String> files) {
        static Count parse(ProcessIo io, long defaultValue) {
            long value = defaultValue;
            boolean fromStart = false;
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
                    fromStart = number.startsWith("+");
                    try {
                        value = Long.parseLong(number.startsWith("+") ? number.substring(1) : number);
                    } catch (NumberFormatException e) {
                        io.stderr(Applets.name(io) + ": invalid number '" + number + "'\n");
                        return null;
                    }
                }
            }
            return new Count(value, bytes, follow, fromStart, files);
        }
    }
}
