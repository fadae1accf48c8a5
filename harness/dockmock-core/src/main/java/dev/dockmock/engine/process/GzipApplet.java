package dev.dockmock.engine.process;

import java.util.List;
import java.util.Optional;

/**
 * busybox {@code gzip [-cdfkt] [FILE]...}, {@code gunzip [-cfkt] [FILE]...} and
 * {@code zcat [FILE]...} over the container's files: {@code FILE} becomes {@code FILE.gz} (or
 * back), the original removed unless {@code -k} or {@code -c}; no operand (or {@code -}) filters
 * stdin to stdout. Messages and statuses as busybox 1.35's; a failing operand makes the status 1
 * and the others are still done.
 */
final class GzipApplet {

    private GzipApplet() {
    }

    static int run(ProcessIo io) throws InterruptedException {
        String name = Applets.name(io);
        boolean gzip = name.equals("gzip");
        Optional<AppletOptions> parsed = AppletOptions.parse(io, gzip ? "cfkdtnqv123456789" : "cfkdtnqv", java.util.Map.of());
        if (parsed.isEmpty()) {
            return FileApplets.usage(io, name + (gzip ? " [-cfkdt123456789] [FILE]..." : " [-cfkt] [FILE]..."));
        }
        AppletOptions options = parsed.get();
        boolean decompress = !gzip || options.has("d");
        boolean test = options.has("t");
        boolean toStdout = name.equals("zcat") || options.has("c") || test;
        List<String> files = options.operands().isEmpty() ? List.of("-") : options.operands();
        int status = 0;
        for (String file : files) {
            if (!one(io, file, decompress, toStdout, test, options)) {
                status = 1;
            }
        }
        return status;
    }

    private static boolean one(ProcessIo io, String file, boolean decompress, boolean toStdout, boolean test,
            AppletOptions options) throws InterruptedException {
        String prefix = (Applets.name(io).equals("zcat") ? "zcat" : Applets.name(io)) + ": ";
        boolean stdin = file.equals("-");
        String path = stdin ? "" : KnownPaths.absolute(file, io.workingDir());
        String target = null;
        if (!stdin && !toStdout) {
            target = decompress ? GzipCodec.decompressedName(file) : file + ".gz";
            if (target == null) {
                io.stderr(prefix + file + ": unknown suffix - ignored\n");
                return false;
            }
        }
        byte[] input;
        if (stdin) {
            input = Stdin.readAll(io.stdin());
        } else {
            Optional<ProcessFiles.Entry> entry;
            try {
                entry = io.files().read(path);
            } catch (ProcessFiles.Failure failure) {
                io.stderr(prefix + "can't open '" + file + "': " + failure.getMessage() + "\n");
                return false;
            }
            if (entry.isEmpty()) {
                io.stderr(prefix + file + ": No such file or directory\n");
                return false;
            }
            if (!(entry.get() instanceof ProcessFiles.Entry.File regular)) {
                io.stderr(prefix + "can't remove file '" + file + "': Is a directory\n");
                return false;
            }
            input = regular.content();
        }
        byte[] output;
        try {
            output = decompress ? GzipCodec.decompress(input) : GzipCodec.compress(input);
        } catch (GzipCodec.Broken broken) {
            io.stderr(prefix + broken.getMessage() + "\n");
            return false;
        }
        if (test) {
            return true;
        }
        if (target == null) {
            io.stdout(output);
            return true;
        }
        String targetPath = KnownPaths.absolute(target, io.workingDir());
        if (io.files().lookup(targetPath).isPresent() && !options.has("f")) {
            io.stderr(prefix + "can't open '" + target + "': File exists\n");
            return false;
        }
        try {
            io.files().write(targetPath, output, false);
            io.files().stat(path, true).ifPresent(stat -> setMode(io, targetPath, stat.mode()));
            if (!options.has("k")) {
                io.files().remove(path, false);
            }
            return true;
        } catch (ProcessFiles.Failure failure) {
            io.stderr(prefix + "can't open '" + target + "': " + failure.getMessage() + "\n");
            return false;
        }
    }

    private static void setMode(ProcessIo io, String path, int mode) {
        try {
            io.files().setMode(path, mode);
        } catch (ProcessFiles.Failure ignored) {
            // the content is written; a mode it cannot take is not worth failing over
        }
    }
}
