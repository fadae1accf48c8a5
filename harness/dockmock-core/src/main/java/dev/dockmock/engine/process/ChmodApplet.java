package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code chmod [-Rf] MODE FILE...}: sets the permission bits of the container's files (links
 * followed). With {@code -R} a directory's contents too, links inside skipped as busybox does.
 * Failures are reported per file ({@code -f} hides them) and make the status 1.
 */
final class ChmodApplet {
    private static final String USAGE = "chmod [-Rcvf] MODE[,MODE]... FILE...";

    private ChmodApplet() {
    }

    static int run(ProcessIo io) {
        List<String> args = io.argv();
        String flags = "";
        int i = 1;
        // a mode such as -x looks like a flag: only the letters chmod knows make one
        for (; i < args.size() && args.get(i).matches("-[Rcvf]+"); i++) {
            flags += args.get(i).substring(1);
        }
        if (i < args.size() && args.get(i).equals("--")) {
            i++;
        }
        if (args.size() - i < 2) {
            return FileApplets.usage(io, USAGE);
        }
        Optional<ModeSpec> mode = ModeSpec.parse(args.get(i));
        if (mode.isEmpty()) {
            io.stderr("chmod: invalid mode '" + args.get(i) + "'\n");
            return 1;
        }
        boolean quiet = flags.contains("f");
        int status = 0;
        for (String operand : args.subList(i + 1, args.size())) {
            try {
                change(io.files(), FileApplets.absolute(io, operand), mode.get(), flags.contains("R"), true);
            } catch (ProcessFiles.Failure failure) {
                if (!quiet) {
                    io.stderr("chmod: " + operand + ": " + failure.getMessage() + "\n");
                }
                status = 1;
            }
        }
        return status;
    }

    private static void change(ProcessFiles files, String path, ModeSpec mode, boolean recursive, boolean named)
            throws ProcessFiles.Failure {
        Optional<ProcessFiles.Stat> found = files.stat(path, named);
        if (found.isEmpty()) {
            // missing (the change fails as the kernel's would), or no tree (the change is discarded)
            files.setMode(path, 0);
            return;
        }
        ProcessFiles.Stat stat = found.get();
        if (stat.kind() == ProcessFiles.Kind.SYMLINK) {
            return;
        }
        files.setMode(path, mode.apply(stat.mode(), stat.isDirectory()));
        if (recursive && stat.isDirectory()) {
            for (String child : children(files, path)) {
                change(files, child, mode, true, false);
            }
        }
    }

    /** The paths inside directory {@code path}, links not followed into. */
    static List<String> children(ProcessFiles files, String path) {
        List<String> children = new ArrayList<>();
        if (files.lookup(path).orElse(null) instanceof ProcessFiles.Entry.Directory directory) {
            directory.names().forEach(name -> children.add(path.equals("/") ? "/" + name : path + "/" + name));
        }
        return children;
    }
}
