package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * busybox's {@code ls [-1aAdhlnR] [PATH]...} over the container's files, one name a line (output is
 * never a terminal). Named files come first, then each directory's entries, under a {@code DIR:}
 * heading when there are several operands. Dot files show with {@code -a} (with {@code .} and
 * {@code ..}) or {@code -A}. Other flags are accepted and ignored.
 */
final class LsApplet {

    private LsApplet() {
    }

    static int run(ProcessIo io, CommandTable commands) {
        FileApplets.Options options = FileApplets.Options.parse(io.argv(), "");
        boolean longFormat = options.has('l') || options.has('n');
        LongListing listing = longFormat
                ? new LongListing(Accounts.of(io.files()), options.has('n'), options.has('h'),
                        commands.clock().instant()) : null;
        List<String> operands = options.operands().isEmpty() ? List.of(".") : options.operands();
        List<String> files = new ArrayList<>();
        List<String> directories = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        int status = 0;
        for (String operand : operands.stream().sorted().toList()) {
            String path = KnownPaths.absolute(operand, io.workingDir());
            try {
                io.files().reach(path);
            } catch (ProcessFiles.Failure failure) {
                io.stderr("ls: " + operand + ": " + failure.errno().message() + "\n");
                status = 1;
                continue;
            }
            // busybox follows a link named on the command line unless it is to show the link itself
            Optional<ProcessFiles.Stat> stat = io.files().stat(path, !longFormat && !options.has('d'));
            if (stat.isPresent()) {
                (stat.get().isDirectory() && !options.has('d') ? directories : files).add(operand);
            } else if (io.files().lookup(path).isPresent() || path.equals("/")) {
                // files without attributes (or none: a process outside a container knows only names)
                boolean file = io.files().lookup(path).orElse(null) instanceof ProcessFiles.Entry.File;
                (file ? files : directories).add(operand);
            } else if (KnownPaths.isDevice(path) || KnownPaths.isProgram(path)) {
                out.append(operand).append('\n');
            } else if (!KnownPaths.isDirectory(path)) {
                io.stderr("ls: " + operand + ": No such file or directory\n");
                status = 1;
            }
        }
        for (String operand : files) {
            String path = KnownPaths.absolute(operand, io.workingDir());
            Optional<ProcessFiles.Stat> stat = io.files().stat(path, false);
            out.append(listing == null || stat.isEmpty() ? operand + "\n" : listing.line(stat.get(), operand));
        }
        for (String operand : directories) {
            status |= listDirectory(io, KnownPaths.absolute(operand, io.workingDir()), operand,
                    operands.size() > 1 || options.has('R'), options, listing, out);
        }
        io.stdout(out.toString());
        return status;
    }

    /**
     * A directory's entries, under a heading if asked for; with {@code -R} then each subdirectory's.
     * The status is 1 when one could not be opened ({@code ls: can't open 'x': Permission denied},
     * after the heading and, in the long format, {@code total 0}).
     */
    private static int listDirectory(ProcessIo io, String path, String shown, boolean heading,
            FileApplets.Options options, LongListing listing, StringBuilder out) {
        if (heading) {
            out.append(out.isEmpty() ? "" : "\n").append(shown).append(":\n");
        }
        Optional<ProcessFiles.Entry> entry;
        try {
            entry = io.files().read(path);
        } catch (ProcessFiles.Failure failure) {
            out.append(listing == null ? "" : listing.total(0));
            io.stderr("ls: can't open '" + shown + "': " + failure.errno().message() + "\n");
            return 1;
        }
        List<String> names = new ArrayList<>();
        if (options.has('a')) {
            names.add(".");
            names.add("..");
        }
        if (entry.orElse(null) instanceof ProcessFiles.Entry.Directory directory) {
            directory.names().stream().filter(name -> !name.startsWith(".") || options.has('a') || options.has('A'))
                    .forEach(names::add);
        } else if (path.equals("/")) {
            names.addAll(KnownPaths.ROOT);
        }
        if (listing == null) {
            names.forEach(name -> out.append(name).append('\n'));
        } else {
            out.append(longLines(io, path, names, listing));
        }
        int status = 0;
        if (options.has('R')) {
            for (String name : names) {
                String child = path.equals("/") ? "/" + name : path + "/" + name;
                boolean directory = io.files().stat(child, false).map(ProcessFiles.Stat::isDirectory).orElse(false);
                if (directory && !name.equals(".") && !name.equals("..")) {
                    status |= listDirectory(io, child, shown.endsWith("/") ? shown + name : shown + "/" + name, true, options,
                            listing, out);
                }
            }
        }
        return status;
    }

    /** {@code total N} and a long line for each name. */
    private static String longLines(ProcessIo io, String path, List<String> names, LongListing listing) {
        StringBuilder lines = new StringBuilder();
        long blocks = 0;
        for (String name : names) {
            Optional<ProcessFiles.Stat> stat = io.files().stat(path.equals("/") ? "/" + name : path + "/" + name, false);
            if (stat.isEmpty()) {
                lines.append(name).append('\n'); // no tree to describe it: the name alone
                continue;
            }
            blocks += LongListing.blocks(stat.get());
            lines.append(listing.line(stat.get(), name));
        }
        return listing.total(blocks) + lines;
    }
}
