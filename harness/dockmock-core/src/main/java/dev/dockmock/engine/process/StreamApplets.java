package dev.dockmock.engine.process;

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
        List<String> files = FileOperands.operands(io.argv(), List.of());
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
        HeadTailOptions count = HeadTailOptions.parse(io, 10);
        if (count == null) {
            return 1;
        }
        if (count.files().isEmpty()) {
            headOf(io, io.stdin(), count);
            return 0;
        }
        int status = 0;
        String separator = "";
        for (String file : count.files()) {
            InputStream in = file.equals("-") ? io.stdin() : FileOperands.open(io, file, true); // fopen_or_warn: "head: x: ..."
            String before = separator;
            separator = "\n"; // after any operand, opened or not, as busybox's head does
            if (in == null) {
                status = 1;
                continue;
            }
            if (count.files().size() > 1) {
                io.stdout(before + "==> " + (file.equals("-") ? "standard input" : file) + " <==\n");
            }
            headOf(io, in, count);
        }
        return status;
    }

    private static void headOf(ProcessIo io, InputStream in, HeadTailOptions count) throws InterruptedException {
        long remaining = count.value();
        byte[] buffer = new byte[8192];
        while (remaining > 0) {
            int read = Stdin.read(in, buffer);
            if (read < 0) {
                break;
            }
            int end = 0;
            while (end < read && remaining > 0) {
                if (count.bytes() || buffer[end] == '\n') {
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
        HeadTailOptions count = HeadTailOptions.parse(io, 10);
        if (count == null) {
            return 1;
        }
        int status = 0;
        if (count.files().isEmpty()) {
            io.stdout(tailOf(Stdin.readAll(io.stdin()), count));
        } else {
            int opened = 0;
            String separator = "";
            for (String file : count.files()) {
                InputStream in = open(io, file);
                if (in == null) {
                    status = 1;
                    continue;
                }
                opened++;
                if (count.files().size() > 1) {
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
        if (count.follow()) {
            Thread.sleep(Long.MAX_VALUE);
        }
        return status;
    }

    private static byte[] tailOf(byte[] data, HeadTailOptions count) {
        if (count.bytes()) {
            int from = count.fromStart() ? (int) Math.min(data.length, Math.max(0, count.value() - 1))
                    : (int) Math.max(0, data.length - count.value());
            return Arrays.copyOfRange(data, from, data.length);
        }
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n' && i + 1 < data.length) {
                starts.add(i + 1);
            }
        }
        int line = count.fromStart() ? (int) Math.max(0, count.value() - 1)
                : (int) Math.max(0, starts.size() - count.value());
        if (data.length == 0 || line >= starts.size()) {
            return new byte[0];
        }
        return Arrays.copyOfRange(data, starts.get(line), data.length);
    }

    /** A file operand to read: stdin for {@code -}, a device, or the container's file; null after busybox's complaint. */
    private static InputStream open(ProcessIo io, String file) {
        return file.equals("-") ? io.stdin() : FileOperands.open(io, file, false);
    }

    /** {@code cat FILE} from the container's files: its bytes, or busybox's complaint. */
    private static int fromFiles(ProcessIo io, String file) {
        Optional<ProcessFiles.Entry> entry;
        try {
            entry = io.files().read(KnownPaths.absolute(file, io.workingDir()));
        } catch (ProcessFiles.Failure failure) {
            FileOperands.refused(io, file, false, failure.errno());
            return 1;
        }
        if (entry.isEmpty()) {
            return FileOperands.missing(io, file);
        }
        if (entry.get() instanceof ProcessFiles.Entry.File regular) {
            io.stdout(regular.content());
            return 0;
        }
        io.stderr(Applets.name(io) + ": read error: Is a directory\n");
        return 1;
    }
}
