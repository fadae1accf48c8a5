package dev.dockmock.engine.process;

import java.util.Optional;

/** {@code rmdir [-p] DIRECTORY...}: removes empty directories, with busybox's messages. */
final class RmdirApplet {

    private RmdirApplet() {
    }

    /**
     * Each operand must be an empty directory; with {@code -p} its parents go too, one after the
     * other, up to and including {@code /} for an absolute path (which busybox tries and reports as
     * busy). Any failure makes the status 1.
     */
    static int run(ProcessIo io) {
        FileApplets.Options options = FileApplets.Options.parse(io.argv(), "");
        if (options.operands().isEmpty()) {
            return FileApplets.usage(io, "rmdir [-p] DIRECTORY...");
        }
        int status = 0;
        for (String operand : options.operands()) {
            String path = operand;
            while (true) {
                if (!removeOne(io, path)) {
                    status = 1;
                    break;
                }
                if (!options.has('p')) {
                    break;
                }
                String trimmed = path.replaceAll("/+$", "");
                int slash = trimmed.lastIndexOf('/');
                if (slash < 0) {
                    break;
                }
                path = slash == 0 ? "/" : trimmed.substring(0, slash);
            }
        }
        return status;
    }

    private static boolean removeOne(ProcessIo io, String operand) {
        String path = FileApplets.absolute(io, operand);
        if (path.equals("/")) {
            return fail(io, operand, "Device or resource busy");
        }
        Optional<ProcessFiles.Entry> entry = io.files().lookup(path);
        if (entry.isEmpty()) {
            return fail(io, operand, Errno.NO_ENTRY.message());
        }
        if (!(entry.get() instanceof ProcessFiles.Entry.Directory directory)) {
            return fail(io, operand, Errno.NOT_A_DIRECTORY.message());
        }
        if (!directory.names().isEmpty()) {
            return fail(io, operand, "Directory not empty");
        }
        try {
            io.files().remove(path, true);
            return true;
        } catch (ProcessFiles.Failure failure) {
            return fail(io, operand, failure.getMessage());
        }
    }

    private static boolean fail(ProcessIo io, String operand, String reason) {
        io.stderr("rmdir: '" + operand + "': " + reason + "\n");
        return false;
    }
}
