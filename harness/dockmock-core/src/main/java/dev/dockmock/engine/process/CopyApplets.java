package dev.dockmock.engine.process;

import java.util.List;
import java.util.Optional;

/** {@code cp [-r|-R|-a] SOURCE... DEST} and {@code mv SOURCE... DEST} over the container's files. */
final class CopyApplets {

    private CopyApplets() {
    }

    static int cp(ProcessIo io) {
        return transfer(io, "cp", false);
    }

    static int mv(ProcessIo io) {
        return transfer(io, "mv", true);
    }

    /**
     * Copies (or moves) each source to {@code DEST}, or into it when it is a directory; a missing
     * source is busybox's {@code can't stat} ({@code can't rename} for mv), a directory without
     * {@code -r} is omitted; any failure makes the status 1.
     */
    private static int transfer(ProcessIo io, String name, boolean move) {
        FileApplets.Options options = FileApplets.Options.parse(io.argv(), "");
        List<String> operands = options.operands();
        if (operands.size() < 2) {
            return FileApplets.usage(io, name + " [-r] SOURCE... DEST");
        }
        boolean recursive = move || options.has('r') || options.has('R') || options.has('a');
        String dest = FileApplets.absolute(io, operands.get(operands.size() - 1));
        boolean intoDirectory = io.files().lookup(dest).orElse(null) instanceof ProcessFiles.Entry.Directory;
        int status = 0;
        for (String operand : operands.subList(0, operands.size() - 1)) {
            String source = FileApplets.absolute(io, operand);
            Optional<ProcessFiles.Entry> entry;
            try {
                if (move) {
                    io.files().reach(source);
                    entry = io.files().lookup(source);
                } else {
                    entry = io.files().read(source);
                }
            } catch (ProcessFiles.Failure failure) {
                io.stderr(name + ": can't " + (move ? "rename" : "open") + " '" + operand + "': " + failure.getMessage() + "\n");
                status = 1;
                continue;
            }
            if (entry.isEmpty()) {
                io.stderr(name + ": can't " + (move ? "rename" : "stat") + " '" + operand + "': No such file or directory\n");
                status = 1;
                continue;
            }
            if (entry.get() instanceof ProcessFiles.Entry.Directory && !recursive) {
                io.stderr("cp: omitting directory '" + operand + "'\n");
                status = 1;
                continue;
            }
            String target = intoDirectory ? dest + "/" + source.substring(source.lastIndexOf('/') + 1) : dest;
            try {
                copy(io.files(), source, entry.get(), target);
                if (move) {
                    io.files().remove(source, true);
                }
            } catch (ProcessFiles.Failure failure) {
                io.stderr(name + ": can't create '" + target + "': " + failure.getMessage() + "\n");
                status = 1;
            }
        }
        return status;
    }

    private static void copy(ProcessFiles files, String source, ProcessFiles.Entry entry, String target) throws ProcessFiles.Failure {
        if (entry instanceof ProcessFiles.Entry.File file) {
            files.write(target, file.content(), false);
            return;
        }
        if (!(files.lookup(target).orElse(null) instanceof ProcessFiles.Entry.Directory)) {
            files.mkdir(target);
        }
        for (String child : ((ProcessFiles.Entry.Directory) entry).names()) {
            Optional<ProcessFiles.Entry> inner = files.lookup(source + "/" + child);
            if (inner.isPresent()) {
                copy(files, source + "/" + child, inner.get(), target + "/" + child);
            }
        }
    }
}
