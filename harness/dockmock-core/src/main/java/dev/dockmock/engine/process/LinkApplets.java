package dev.dockmock.engine.process;

import java.util.List;
import java.util.Optional;

/** {@code ln}, {@code readlink} and {@code realpath} over the container's files, with busybox's messages. */
final class LinkApplets {

    private LinkApplets() {
    }

    /**
     * {@code ln [-s] [-f] TARGET LINK} (or {@code TARGET... DIRECTORY}): a symbolic link holding
     * the target as given, or without {@code -s} a copy of the target's bytes (a hard link shares
     * them; nothing here writes one file through another name, so a copy reads the same).
     */
    static int ln(ProcessIo io) {
        FileApplets.Options options = FileApplets.Options.parse(io.argv(), "");
        List<String> operands = options.operands();
        if (operands.isEmpty()) {
            return FileApplets.usage(io, "ln [-sf] TARGET... LINK|DIR");
        }
        String last = operands.size() == 1 ? "." : operands.get(operands.size() - 1);
        List<String> targets = operands.size() == 1 ? operands : operands.subList(0, operands.size() - 1);
        String destination = FileApplets.absolute(io, last);
        boolean intoDirectory = io.files().lookup(destination).orElse(null) instanceof ProcessFiles.Entry.Directory;
        int status = 0;
        for (String target : targets) {
            String name = target.substring(target.lastIndexOf('/') + 1);
            String link = intoDirectory ? destination + "/" + name : destination;
            try {
                if (options.has('f') && io.files().stat(link, false).isPresent()) {
                    io.files().remove(link, false);
                }
                if (options.has('s')) {
                    io.files().symlink(target, link);
                } else {
                    Optional<ProcessFiles.Entry> entry = io.files().lookup(FileApplets.absolute(io, target));
                    if (!(entry.orElse(null) instanceof ProcessFiles.Entry.File file)) {
                        io.stderr("ln: " + target + ": " + (entry.isEmpty() ? "No such file or directory" : "Is a directory") + "\n");
                        status = 1;
                        continue;
                    }
                    if (io.files().stat(link, false).isPresent()) {
                        throw new ProcessFiles.Failure(Errno.EXISTS);
                    }
                    io.files().write(link, file.content(), false);
                }
            } catch (ProcessFiles.Failure failure) {
                io.stderr("ln: " + link(intoDirectory, last, name) + ": " + failure.getMessage() + "\n");
                status = 1;
            }
        }
        return status;
    }

    private static String link(boolean intoDirectory, String last, String name) {
        return intoDirectory ? (last.endsWith("/") ? last : last + "/") + name : last;
    }

    /** {@code readlink [-f] FILE}: a link's target; {@code -f} the canonical path. Exit 1, silent, when there is none. */
    static int readlink(ProcessIo io) {
        FileApplets.Options options = FileApplets.Options.parse(io.argv(), "");
        if (options.operands().isEmpty()) {
            return FileApplets.usage(io, "readlink [-fnv] FILE");
        }
        String operand = options.operands().get(0);
        String path = FileApplets.absolute(io, operand);
        if (options.has('f')) {
            // Not normalised first: "link/.." is the link's parent, not the operand's.
            String raw = operand.startsWith("/") ? operand : io.workingDir() + "/" + operand;
            Optional<String> canonical = canonical(io.files(), raw, 0);
            canonical.ifPresent(resolved -> io.stdout(resolved + "\n"));
            return canonical.isPresent() ? 0 : 1;
        }
        Optional<ProcessFiles.Stat> stat = io.files().stat(path, false);
        if (stat.isEmpty() || stat.get().kind() != ProcessFiles.Kind.SYMLINK) {
            return 1;
        }
        io.stdout(stat.get().linkTarget() + (options.has('n') ? "" : "\n"));
        return 0;
    }

    /** {@code realpath FILE...}: each path with every link resolved; the file must exist. */
    static int realpath(ProcessIo io) {
        List<String> operands = io.argv().subList(1, io.argv().size());
        if (operands.isEmpty()) {
            return FileApplets.usage(io, "realpath FILE...");
        }
        int status = 0;
        StringBuilder out = new StringBuilder();
        for (String operand : operands) {
            Optional<String> canonical = canonical(io.files(), operand.startsWith("/") ? operand : io.workingDir() + "/" + operand, 0);
            if (canonical.isPresent() && (io.files().stat(canonical.get(), false).isPresent() || io.files() == ProcessFiles.NONE
                    && (KnownPaths.isDirectory(canonical.get()) || KnownPaths.isDevice(canonical.get())))) {
                out.append(canonical.get()).append('\n');
            } else {
                io.stderr("realpath: " + operand + ": No such file or directory\n");
                status = 1;
            }
        }
        io.stdout(out.toString());
        return status;
    }

    /** The path with every link resolved, element by element; empty when a link loops 40 times. */
    private static Optional<String> canonical(ProcessFiles files, String path, int depth) {
        if (depth > 40) {
            return Optional.empty();
        }
        String resolved = "";
        for (String element : path.substring(1).split("/")) {
            if (element.isEmpty() || element.equals(".")) {
                continue;
            }
            if (element.equals("..")) {
                resolved = resolved.contains("/") ? resolved.substring(0, resolved.lastIndexOf('/')) : "";
                continue;
            }
            String next = resolved + "/" + element;
            Optional<ProcessFiles.Stat> stat = files.stat(next, false);
            if (stat.isPresent() && stat.get().kind() == ProcessFiles.Kind.SYMLINK) {
                String target = stat.get().linkTarget();
                Optional<String> inner = canonical(files, target.startsWith("/") ? target : (resolved.isEmpty() ? "" : resolved)
                        + "/" + target, depth + 1);
                if (inner.isEmpty()) {
                    return inner;
                }
                next = inner.get().equals("/") ? "" : inner.get();
            }
            resolved = next;
        }
        return Optional.of(resolved.isEmpty() ? "/" : resolved);
    }
}
