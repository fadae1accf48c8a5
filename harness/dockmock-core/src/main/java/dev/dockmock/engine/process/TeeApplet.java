package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;

/** {@code tee}, with busybox's messages. */
final class TeeApplet {

    private TeeApplet() {
    }

    /**
     * {@code tee [-a] [FILE]...}: stdin to stdout and to each file (truncated first unless
     * {@code -a}). A file that cannot be opened is reported and skipped; the copy goes on, and
     * the status is 1.
     */
    static int tee(ProcessIo io) throws InterruptedException {
        FileApplets.Options options = FileApplets.Options.parse(io.argv(), "");
        boolean append = options.has('a');
        List<String> opened = new ArrayList<>();
        int status = 0;
        for (String operand : options.operands()) {
            String path = FileApplets.absolute(io, operand);
            if (operand.equals("-") || KnownPaths.isDevice(path)) {
                opened.add(operand.equals("-") ? "/dev/stdout" : path);
                continue;
            }
            try {
                io.files().write(path, new byte[0], append);
                opened.add(path);
            } catch (ProcessFiles.Failure failure) {
                io.stderr("tee: " + operand + ": " + failure.getMessage() + "\n");
                status = 1;
            }
        }
        Stdin.copy(io.stdin(), data -> {
            io.stdout(data);
            for (String path : opened) {
                write(io, path, data);
            }
        });
        return status;
    }

    private static void write(ProcessIo io, String path, byte[] data) {
        switch (path) {
            case "/dev/stdout" -> io.stdout(data);
            case "/dev/stderr" -> io.stderr(data);
            default -> {
                if (KnownPaths.isDevice(path)) {
                    return;
                }
                try {
                    io.files().write(path, data, true);
                } catch (ProcessFiles.Failure lost) {
                    // removed since it was opened: the bytes go nowhere, as they would on Linux
                }
            }
        }
    }
}
