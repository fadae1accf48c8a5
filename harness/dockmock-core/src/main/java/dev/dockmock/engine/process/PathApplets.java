package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** {@code find} and {@code mktemp} over the container's files. */
final class PathApplets {
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private PathApplets() {
    }

    /**
     * {@code find [PATH]... [-name GLOB] [-type f|d] [-maxdepth N]}: each path, then what is below
     * it, depth first. Entries come in name order (busybox lists them in the directory's own order,
     * which on a real filesystem is not sorted). A directory the user may not read is listed
     * itself, then {@code find: DIR: Permission denied}, and the status is 1.
     */
    static int find(ProcessIo io) {
        List<String> paths = new ArrayList<>();
        String name = null;
        String type = null;
        int maxDepth = Integer.MAX_VALUE;
        List<String> args = io.argv();
        int i = 1;
        for (; i < args.size() && !args.get(i).startsWith("-"); i++) {
            paths.add(args.get(i));
        }
        for (; i + 1 < args.size(); i += 2) {
            switch (args.get(i)) {
                case "-name" -> name = args.get(i + 1);
                case "-type" -> type = args.get(i + 1);
                case "-maxdepth" -> maxDepth = Integer.parseInt(args.get(i + 1));
                default -> {
                    io.stderr("find: unrecognized: " + args.get(i) + "\n");
                    return 1;
                }
            }
        }
        int status = 0;
        StringBuilder out = new StringBuilder();
        for (String path : paths.isEmpty() ? List.of(".") : paths) {
            try {
                io.files().reach(KnownPaths.absolute(path, io.workingDir()));
            } catch (ProcessFiles.Failure failure) {
                io.stderr("find: " + path + ": " + failure.getMessage() + "\n");
                status = 1;
                continue;
            }
            Optional<ProcessFiles.Entry> entry = io.files().lookup(KnownPaths.absolute(path, io.workingDir()));
            if (entry.isEmpty()) {
                io.stderr("find: " + path + ": No such file or directory\n");
                status = 1;
                continue;
            }
            if (!walk(io, path, entry.get(), 0, maxDepth, name, type, out)) {
                status = 1;
            }
        }
        io.stdout(out.toString());
        return status;
    }

    /** Lists {@code path} and what is below it; false when a directory on the way could not be read. */
    private static boolean walk(ProcessIo io, String path, ProcessFiles.Entry entry, int depth, int maxDepth, String name,
            String type, StringBuilder out) {
        boolean directory = entry instanceof ProcessFiles.Entry.Directory;
        String base = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        String last = base.substring(base.lastIndexOf('/') + 1);
        boolean typeOk = type == null || type.equals("d") == directory && (type.equals("d") || type.equals("f"));
        if (typeOk && (name == null || Patterns.matches(name, last))) {
            out.append(path).append('\n');
        }
        if (!directory || depth >= maxDepth) {
            return true;
        }
        try {
            if (!io.files().user().isRoot()) {
                io.files().read(KnownPaths.absolute(path, io.workingDir()));
            }
        } catch (ProcessFiles.Failure failure) {
            io.stdout(out.toString()); // what came before is printed before the complaint
            out.setLength(0);
            io.stderr("find: " + path + ": " + failure.getMessage() + "\n");
            return false;
        }
        boolean complete = true;
        for (String child : ((ProcessFiles.Entry.Directory) entry).names()) {
            String childPath = (base.equals("/") ? "" : base) + "/" + child;
            Optional<ProcessFiles.Entry> inner = io.files().lookup(KnownPaths.absolute(childPath, io.workingDir()));
            if (inner.isPresent()) {
                complete &= walk(io, childPath, inner.get(), depth + 1, maxDepth, name, type, out);
            }
        }
        return complete;
    }

    /** {@code mktemp [-d]}: creates {@code /tmp/tmp.XXXXXX} (a file, or a directory) and prints its path. */
    static int mktemp(ProcessIo io) {
        boolean directory = io.argv().contains("-d");
        StringBuilder path = new StringBuilder("/tmp/tmp.");
        for (int i = 0; i < 6; i++) {
            path.append(LETTERS.charAt(ThreadLocalRandom.current().nextInt(LETTERS.length())));
        }
        try {
            if (directory) {
                io.files().mkdir(path.toString());
            } else {
                io.files().write(path.toString(), new byte[0], false);
            }
        } catch (ProcessFiles.Failure failure) {
            io.stderr("mktemp: " + failure.getMessage() + "\n");
            return 1;
        }
        io.stdout(path + "\n");
        return 0;
    }
}
