package dev.dockmock.engine.process;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files awk reads and writes: the records, the operands' lines in turn (stdin for none or
 * {@code -}), read as they are needed so that {@code getline} takes the next one; the files
 * {@code getline < file} opens; the files {@code print > file} writes. An operand that cannot be
 * opened ends awk ({@link AwkControl.Kind#DIE}).
 */
final class AwkInput {
    private final ProcessIo io;
    private final Deque<String> operands;
    private final Map<String, Deque<String>> opened = new HashMap<>();
    private final Set<String> written = new HashSet<>();
    private Deque<String> current = new ArrayDeque<>();
    private final AwkPipes pipes;

    AwkInput(ProcessIo io, List<String> operands, CommandTable commands) {
        this.io = io;
        this.pipes = new AwkPipes(io, commands);
        this.operands = new ArrayDeque<>(operands.isEmpty() ? List.of("-") : operands);
    }

    /** The next record of the input, or null at its end. */
    String next() {
        while (current.isEmpty()) {
            if (operands.isEmpty()) {
                return null;
            }
            String file = operands.poll();
            InputStream in = file.equals("-") ? io.stdin() : FileOperands.open(io, file, true);
            if (in == null) {
                // busybox's awk dies on an input file it cannot open, without its END rules
                throw new AwkControl(AwkControl.Kind.DIE, 1);
            }
            current = lines(in);
        }
        return current.poll();
    }

    /**
     * The next line of the named file, opened on first use; null at its end.
     *
     * @throws java.io.FileNotFoundException when it cannot be opened ({@code getline} gives -1)
     */
    String next(String file) throws java.io.FileNotFoundException {
        Deque<String> lines = opened.get(file);
        if (lines == null) {
            String path = KnownPaths.absolute(file, io.workingDir());
            InputStream in = file.equals("-") || path.equals("/dev/stdin") ? io.stdin()
                    : readable(path) instanceof ProcessFiles.Entry.File regular
                    ? new java.io.ByteArrayInputStream(regular.content()) : null;
            if (in == null) {
                throw new java.io.FileNotFoundException(file);
            }
            lines = lines(in);
            opened.put(file, lines);
        }
        return lines.poll();
    }

    /**
     * {@code print > file} ({@code append} for {@code >>}): the first {@code >} to a file empties
     * it, later ones add to it, as the file stays open. A file that cannot be written ends awk.
     * With {@code |} the text goes to the command {@code file} ({@link AwkPipes}).
     */
    void write(String redirect, String file, String text) {
        if (redirect.equals("|")) {
            pipes.write(file, text);
            return;
        }
        boolean append = redirect.equals(">>");
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        String path = KnownPaths.absolute(file, io.workingDir());
        if (file.equals("-") || path.equals("/dev/stdout")) {
            io.stdout(data);
            return;
        }
        if (path.equals("/dev/stderr")) {
            io.stderr(data);
            return;
        }
        try {
            io.files().write(path, data, append || !written.add(path));
        } catch (ProcessFiles.Failure e) {
            io.stderr("awk: can't open '" + file + "': " + e.errno().message() + "\n");
            throw new AwkControl(AwkControl.Kind.DIE, 1);
        }
    }

    /** The commands it reads from and writes to. */
    AwkPipes pipes() {
        return pipes;
    }

    /** {@code close(name)}: a pipe's wait status, or 0 for a file (reopened from its start next time), or for nothing open. */
    int close(String name) {
        java.util.OptionalInt piped = pipes.close(name);
        if (piped.isPresent()) {
            return piped.getAsInt();
        }
        opened.remove(name);
        written.remove(KnownPaths.absolute(name, io.workingDir()));
        return 0;
    }

    /** What {@code path} holds for the process to read ({@code getline} gets -1 where that is nothing). */
    private ProcessFiles.Entry readable(String path) {
        try {
            return io.files().read(path).orElse(null);
        } catch (ProcessFiles.Failure denied) {
            return null;
        }
    }

    private static Deque<String> lines(InputStream in) {
        try {
            return new ArrayDeque<>(Stdin.lines(new String(Stdin.readAll(in), StandardCharsets.UTF_8)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ArrayDeque<>();
        }
    }
}
