package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;

/**
 * Applets that change the container's files: {@code touch}, {@code mkdir} and {@code rm}, with
 * busybox's messages ({@code tee} is {@link TeeApplet}). Each operand is tried on its own; any
 * failure makes the status 1.
 */
final class FileApplets {

    private FileApplets() {
    }

    /** {@code touch [-c] FILE...}: creates empty files, or sets their time to now. */
    static int touch(ProcessIo io) {
        Options options = Options.parse(io.argv(), "dtr");
        if (options.operands().isEmpty()) {
            return usage(io, "touch [-c] [-d DATE] [-t DATE] [-r FILE] FILE...");
        }
        int status = 0;
        for (String operand : options.operands()) {
            String path = absolute(io, operand);
            if (options.has('c') && io.files().lookup(path).isEmpty()) {
                continue;
            }
            try {
                io.files().touch(path);
            } catch (ProcessFiles.Failure failure) {
                io.stderr("touch: " + operand + ": " + failure.getMessage() + "\n");
                status = 1;
            }
        }
        return status;
    }

    /** {@code mkdir [-p] DIR...}: with {@code -p} the missing parents too, and an existing directory is fine. */
    static int mkdir(ProcessIo io) {
        Options options = Options.parse(io.argv(), "m");
        if (options.operands().isEmpty()) {
            return usage(io, "mkdir [-m MODE] [-p] DIRECTORY...");
        }
        int status = 0;
        for (String operand : options.operands()) {
            try {
                String path = absolute(io, operand);
                if (options.has('p')) {
                    makeParents(io.files(), path);
                } else {
                    io.files().mkdir(path);
                }
            } catch (ProcessFiles.Failure failure) {
                io.stderr("mkdir: can't create directory '" + operand + "': " + failure.getMessage() + "\n");
                status = 1;
            }
        }
        return status;
    }

    private static void makeParents(ProcessFiles files, String path) throws ProcessFiles.Failure {
        String current = "";
        for (String element : path.substring(1).split("/")) {
            current = current + "/" + element;
            if (element.isEmpty() || files.lookup(current).orElse(null) instanceof ProcessFiles.Entry.Directory) {
                continue;
            }
            files.mkdir(current);
        }
    }

    /** {@code rm [-f] [-r|-R] FILE...}: {@code -f} is quiet about missing files (and a missing operand). */
    static int rm(ProcessIo io) {
        Options options = Options.parse(io.argv(), "");
        boolean force = options.has('f');
        if (options.operands().isEmpty()) {
            return force ? 0 : usage(io, "rm [-irf] FILE...");
        }
        boolean recursive = options.has('r') || options.has('R');
        int status = 0;
        for (String operand : options.operands()) {
            try {
                io.files().reach(absolute(io, operand));
            } catch (ProcessFiles.Failure failure) {
                // rm's lstat cannot get through a directory it may not search; -f does not quieten that
                io.stderr("rm: can't stat '" + operand + "': " + failure.getMessage() + "\n");
                status = 1;
                continue;
            }
            try {
                io.files().remove(absolute(io, operand), recursive);
            } catch (ProcessFiles.Failure failure) {
                if (force && failure.errno() == Errno.NO_ENTRY) {
                    continue;
                }
                io.stderr("rm: " + rmMessage(operand, failure) + "\n");
                status = 1;
            }
        }
        return status;
    }

    /**
     * busybox's words: a directory without {@code -r} is named as one; a path that cannot even be
     * looked up (a file used as a directory) is "can't stat"; the rest "can't remove".
     */
    private static String rmMessage(String operand, ProcessFiles.Failure failure) {
        return switch (failure.errno()) {
            case IS_A_DIRECTORY -> "'" + operand + "' is a directory";
            case NOT_A_DIRECTORY -> "can't stat '" + operand + "': " + failure.getMessage();
            default -> "can't remove '" + operand + "': " + failure.getMessage();
        };
    }

    static String absolute(ProcessIo io, String operand) {
        return KnownPaths.absolute(operand, io.workingDir());
    }

    static int usage(ProcessIo io, String synopsis) {
        io.stderr("Usage: " + synopsis + "\n");
        return 1;
    }

    /**
     * Single-letter flags (bundled or not) before {@code --}, and the operands; a flag in
     * {@code withValue} takes the next argument (its value is not kept: these applets ignore it).
     */
    record Options(String flags, List<String> operands) {
        static Options parse(List<String> argv, String withValue) {
            StringBuilder flags = new StringBuilder();
            List<String> operands = new ArrayList<>();
            boolean optionsDone = false;
            for (int i = 1; i < argv.size(); i++) {
                String arg = argv.get(i);
                if (!optionsDone && arg.equals("--")) {
                    optionsDone = true;
                } else if (!optionsDone && arg.startsWith("-") && arg.length() > 1) {
                    flags.append(arg, 1, arg.length());
                    if (withValue.indexOf(arg.charAt(arg.length() - 1)) >= 0) {
                        i++;
                    }
                } else {
                    operands.add(arg);
                }
            }
            return new Options(flags.toString(), List.copyOf(operands));
        }

        boolean has(char flag) {
            return flags.indexOf(flag) >= 0;
        }
    }
}
