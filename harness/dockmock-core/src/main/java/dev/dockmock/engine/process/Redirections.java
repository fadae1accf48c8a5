package dev.dockmock.engine.process;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applies redirections to a command's streams, left to right, over descriptors 0 to 9. Input can
 * come from the container's files, {@code /dev/null}, {@code /dev/stdin} and here-documents.
 * Output to a file opens it as ash does before the command runs (created, truncated by {@code >},
 * {@code >|} and {@code &>}, kept by {@code >>}); each write then lands in the file at once, so
 * the next command, or another process, reads what has been written so far.
 */
final class Redirections {
    private static final int FDS = 10;

    private Redirections() {
    }

    /** The redirected streams, or {@code null} after printing ash's error (the command then fails with 1). */
    static Streams applyOrReport(ShellRunner shell, List<ShellNode.Redirect> redirects, Streams io)
            throws InterruptedException {
        if (redirects.isEmpty()) {
            return io;
        }
        try {
            return apply(shell.expander, redirects, io, new FileTarget(shell.state.files, shell.state.workingDir));
        } catch (IllegalArgumentException failure) {
            io.err(shell.state.prefix(null) + failure.getMessage() + "\n");
            return null;
        }
    }

    private static Streams apply(WordExpander expander, List<ShellNode.Redirect> redirects, Streams io,
            FileTarget files) throws InterruptedException {
        List<InputStream> inputs = new ArrayList<>(Collections.nCopies(FDS, null));
        List<Consumer<byte[]>> outputs = new ArrayList<>(Collections.nCopies(FDS, null));
        inputs.set(0, io.in());
        outputs.set(1, io.out());
        outputs.set(2, io.err());
        for (ShellNode.Redirect redirect : redirects) {
            int fd = redirect.fd();
            if (fd >= FDS) {
                continue;
            }
            String op = redirect.operator();
            if (op.equals("<<")) {
                HereDoc doc = redirect.hereDoc();
                String body = doc.body() == null ? "" : expander.single(doc.body());
                inputs.set(fd, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
                continue;
            }
            String target = expander.single(redirect.target());
            if ((op.equals(">&") || op.equals("<&")) && target.equals("-")) {
                inputs.set(fd, null);
                outputs.set(fd, null);
            } else if ((op.equals(">&") || op.equals("<&")) && target.matches("[0-9]+")) {
                int from = Integer.parseInt(target);
                if (from >= FDS || inputs.get(from) == null && outputs.get(from) == null) {
                    throw new IllegalArgumentException(target + ": Bad file descriptor");
                }
                inputs.set(fd, inputs.get(from));
                outputs.set(fd, outputs.get(from));
            } else if (op.equals("&>") || op.equals(">&")) {
                Consumer<byte[]> sink = sink(target, false, outputs, files);
                outputs.set(1, sink);
                outputs.set(2, sink);
            } else if (op.startsWith(">")) {
                outputs.set(fd, sink(target, op.equals(">>"), outputs, files));
            } else {
                inputs.set(fd, source(target, inputs, files));
            }
        }
        return new Streams(inputs.get(0) != null ? inputs.get(0) : Streams.empty(),
                outputs.get(1) != null ? outputs.get(1) : Streams.DISCARD,
                outputs.get(2) != null ? outputs.get(2) : Streams.DISCARD);
    }

    /** Where {@code > path} writes: a stream, a device, or a file of the container's, opened now. */
    private static Consumer<byte[]> sink(String path, boolean append, List<Consumer<byte[]>> outputs,
            FileTarget files) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("can't create : nonexistent directory");
        }
        int fd = deviceFd(path);
        if (fd >= 0) {
            return outputs.get(fd) != null ? outputs.get(fd) : Streams.DISCARD;
        }
        String absolute = files.absolute(path);
        if (KnownPaths.isDevice(absolute)) {
            return Streams.DISCARD;
        }
        try {
            files.files().write(absolute, new byte[0], append);
        } catch (ProcessFiles.Failure failure) {
            // ash names a missing directory its own way; other errors are strerror's text
            throw new IllegalArgumentException("can't create " + path + ": "
                    + (failure.errno() == Errno.NO_ENTRY ? "nonexistent directory" : failure.getMessage()));
        }
        return data -> files.append(absolute, data);
    }

    /** What {@code < path} reads: a device, or a file of the container's. */
    private static InputStream source(String path, List<InputStream> inputs,
            FileTarget files) {
        if (path.equals("/dev/null") || path.equals("/dev/zero")) {
            return Streams.empty();
        }
        int fd = deviceFd(path);
        if (fd >= 0 && inputs.get(fd) != null) {
            return inputs.get(fd);
        }
        Optional<ProcessFiles.Entry> entry;
        try {
            entry = path.isEmpty() ? Optional.empty() : files.files().read(files.absolute(path));
        } catch (ProcessFiles.Failure failure) {
            throw new IllegalArgumentException("can't open " + path + ": " + failure.getMessage());
        }
        if (entry.isPresent() && entry.get() instanceof ProcessFiles.Entry.File file) {
            return new ByteArrayInputStream(file.content());
        }
        if (entry.isPresent()) {
            throw new IllegalArgumentException("can't open " + path + ": Is a directory");
        }
        throw new IllegalArgumentException("can't open " + path + ": no such file");
    }

    /** The descriptor a {@code /dev/std*} or {@code /dev/fd/N} path names, or -1. */
    private static int deviceFd(String path) {
        switch (path) {
            case "/dev/stdin":
                return 0;
            case "/dev/stdout":
                return 1;
            case "/dev/stderr":
                return 2;
            default:
                if (path.matches("/dev/fd/[0-9]") || path.matches("/proc/self/fd/[0-9]")) {
                    return path.charAt(path.length() - 1) - '0';
                }
                return -1;
        }
    }

    /** The files redirections open, and the directory relative names start from. */
    private record FileTarget(ProcessFiles files, String workingDir) {
        String absolute(String path) {
            return KnownPaths.absolute(path, workingDir);
        }

        /** One write to an opened file; a failure now (the file's directory removed meanwhile) loses it. */
        void append(String absolute, byte[] data) {
            try {
                files.write(absolute, data, true);
            } catch (ProcessFiles.Failure lost) {
                // a write to a file unlinked since it was opened goes nowhere, as it would on Linux
            }
        }
    }
}
