package dev.dockmock.engine.process;

import java.util.List;
import java.util.Optional;

/**
 * busybox's {@code du [-aschkm] [FILE]...} over the container's files, in 1 KiB blocks as ext4
 * under overlayfs allocates them: 4 for a directory, whole 4 KiB blocks for a file's content
 * (none for an empty file), none for a symbolic link. Entries come in name order, where a real
 * filesystem gives its directory order. A directory the user may not read counts its own blocks
 * but is not printed: {@code du: can't open 'DIR': Permission denied}, and the status is 1.
 */
final class DuApplet {
    private static final String USAGE = "du [-aHLdclsxhmk] [FILE]...";

    /** What to print: -a, -s, -h, -m. */
    private record Options(boolean all, boolean summary, boolean human, boolean megabytes) {
    }

    private final ProcessIo io;
    private final Options options;
    private boolean denied;

    private DuApplet(ProcessIo io, Options options) {
        this.io = io;
        this.options = options;
    }

    static int run(ProcessIo io) {
        FileApplets.Options parsed = FileApplets.Options.parse(io.argv(), "");
        for (char flag : parsed.flags().toCharArray()) {
            if ("aschkmlxHL".indexOf(flag) < 0) {
                io.stderr("du: invalid option -- '" + flag + "'\n");
                return FileApplets.usage(io, USAGE);
            }
        }
        Options options = new Options(parsed.has('a'), parsed.has('s'), parsed.has('h'), parsed.has('m'));
        List<String> operands = parsed.operands().isEmpty() ? List.of(".") : parsed.operands();
        long total = 0;
        int status = 0;
        DuApplet du = new DuApplet(io, options);
        for (String operand : operands) {
            String path = FileApplets.absolute(io, operand);
            try {
                io.files().reach(path);
            } catch (ProcessFiles.Failure failure) {
                io.stderr("du: " + operand + ": " + failure.getMessage() + "\n");
                status = 1;
                continue;
            }
            Optional<ProcessFiles.Stat> stat = io.files().stat(path, false);
            if (stat.isEmpty() || operand.endsWith("/") && !stat.get().isDirectory()) {
                io.stderr("du: " + operand + ": " + (stat.isEmpty() ? "No such file or directory" : "Not a directory") + "\n");
                status = 1;
                continue;
            }
            total += du.walk(path, operand, stat.get(), true);
        }
        if (parsed.has('c')) {
            io.stdout(size(total, options) + "\ttotal\n");
        }
        return du.denied ? 1 : status;
    }

    /** The blocks below {@code path}, printing the lines {@code options} ask for on the way. */
    private long walk(String path, String shown, ProcessFiles.Stat stat, boolean top) {
        long blocks = LongListing.blocks(stat);
        ProcessFiles.Entry entry = null;
        try {
            entry = stat.isDirectory() ? io.files().read(path).orElse(null) : null;
        } catch (ProcessFiles.Failure failure) {
            io.stderr("du: can't open '" + shown + "': " + failure.getMessage() + "\n");
            denied = true;
            return blocks;
        }
        if (entry instanceof ProcessFiles.Entry.Directory directory) {
            String prefix = shown.endsWith("/") ? shown : shown + "/";
            for (String name : directory.names()) {
                String child = path.equals("/") ? "/" + name : path + "/" + name;
                Optional<ProcessFiles.Stat> childStat = io.files().stat(child, false);
                if (childStat.isPresent()) {
                    blocks += walk(child, prefix + name, childStat.get(), false);
                }
            }
        }
        if (top || !options.summary() && (stat.isDirectory() || options.all())) {
            io.stdout(size(blocks, options) + "\t" + shown + "\n");
        }
        return blocks;
    }

    private static String size(long kibibytes, Options options) {
        if (options.human()) {
            return HumanSize.bytes(kibibytes * 1024);
        }
        return Long.toString(options.megabytes() ? (kibibytes + 1023) / 1024 : kibibytes);
    }
}
