package dev.dockmock.engine.process;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The file operands of busybox-like applets: which arguments are operands, and opening one from
 * the container's files (stdin and devices included) with busybox's complaint when it cannot be.
 */
final class FileOperands {

    private FileOperands() {
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
        Optional<ProcessFiles.Entry> entry;
        try {
            entry = io.files().read(path);
        } catch (ProcessFiles.Failure failure) {
            refused(io, file, perror, failure.errno());
            return null;
        }
        if (entry.isPresent() && entry.get() instanceof ProcessFiles.Entry.File regular) {
            return new ByteArrayInputStream(regular.content());
        }
        if (entry.isPresent()) {
            io.stderr(Applets.name(io) + (perror ? ": " + file + ": " : ": read error: ") + "Is a directory\n");
        } else {
            refused(io, file, perror, Errno.NO_ENTRY);
        }
        return null;
    }

    /**
     * busybox's complaint that {@code file} cannot be opened: with {@code perror} its
     * {@code fopen_or_warn}'s {@code x: error}, else {@code open_or_warn}'s {@code can't open 'x': error}.
     */
    static void refused(ProcessIo io, String file, boolean perror, Errno errno) {
        io.stderr(Applets.name(io) + (perror ? ": " + file + ": " : ": can't open '" + file + "': ") + errno.message() + "\n");
    }

    /** busybox's {@code open_or_warn} complaint about a missing file; the status 1. */
    static int missing(ProcessIo io, String file) {
        refused(io, file, false, Errno.NO_ENTRY);
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
}
