package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code tar c}: the named files, directories with everything below them (sorted by name), as
 * members named the way they were given; a leading {@code /} is dropped with busybox's notice. A
 * missing file is reported and the archive still written, then the status is 1; so is a file the
 * user may not read (left out) and a directory it may not list (its member kept, its entries not).
 */
final class TarCreate {
    private final ProcessIo io;
    private final AppletOptions options;
    private final List<TarCodec.Member> members = new ArrayList<>();
    private final StringBuilder verbose = new StringBuilder();
    private boolean denied;

    private TarCreate(ProcessIo io, AppletOptions options) {
        this.io = io;
        this.options = options;
    }

    static int run(ProcessIo io, AppletOptions options, String archive, String base) {
        if (options.operands().isEmpty()) {
            io.stderr("tar: empty archive\n");
            return 1;
        }
        TarCreate create = new TarCreate(io, options);
        boolean failed = false;
        boolean warned = false;
        for (String file : options.operands()) {
            String name = file;
            if (name.startsWith("/")) {
                if (!warned) {
                    io.stderr("tar: removing leading '/' from member names\n");
                    warned = true;
                }
                name = name.replaceFirst("^/+", "");
            }
            if (!create.add(KnownPaths.absolute(file, base), name, file)) {
                io.stderr("tar: " + file + ": No such file or directory\n");
                failed = true;
            }
        }
        byte[] data = TarCodec.write(create.members);
        if (options.has("z")) {
            data = GzipCodec.compress(data);
        }
        if (archive.equals("-")) {
            io.stdout(data);
        } else {
            try {
                io.files().write(KnownPaths.absolute(archive, io.workingDir()), data, false);
            } catch (ProcessFiles.Failure failure) {
                io.stderr("tar: can't open '" + archive + "': " + failure.getMessage() + "\n");
                return 1;
            }
        }
        // the names go to stdout, unless the archive does
        if (archive.equals("-")) {
            io.stderr(create.verbose.toString());
        } else {
            io.stdout(create.verbose.toString());
        }
        if (failed || create.denied) {
            io.stderr("tar: error exit delayed from previous errors\n");
            return 1;
        }
        return 0;
    }

    /** Adds {@code path} as {@code name}; false when it is missing. {@code shown} names it in busybox's complaints. */
    private boolean add(String path, String name, String shown) {
        String bare = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        String last = bare.substring(bare.lastIndexOf('/') + 1);
        // --exclude PATTERN: a glob matched against the member's whole name or its last part
        if (options.all("exclude").stream().anyMatch(glob -> Patterns.matches(glob, bare) || Patterns.matches(glob, last))) {
            return true;
        }
        try {
            io.files().reach(path);
        } catch (ProcessFiles.Failure failure) {
            io.stderr("tar: " + shown + ": " + failure.getMessage() + "\n");
            denied = true;
            return true;
        }
        Optional<ProcessFiles.Stat> found = io.files().stat(path, options.has("h"));
        if (found.isEmpty()) {
            return false;
        }
        ProcessFiles.Stat stat = found.get();
        long mtime = stat.mtime().getEpochSecond();
        if (options.has("v")) {
            verbose.append(stat.isDirectory() && !name.endsWith("/") ? name + "/" : name).append('\n');
        }
        switch (stat.kind()) {
            case DIRECTORY -> {
                String directory = name.endsWith("/") ? name : name + "/";
                members.add(new TarCodec.Member(directory, '5', stat.mode(), stat.uid(), stat.gid(), mtime, new byte[0], ""));
                if (!options.has("no-recursion") && list(path, shown) instanceof ProcessFiles.Entry.Directory listing) {
                    String parent = shown.endsWith("/") ? shown : shown + "/";
                    for (String child : listing.names()) {
                        add(path.equals("/") ? "/" + child : path + "/" + child, directory + child, parent + child);
                    }
                }
            }
            case SYMLINK -> members.add(new TarCodec.Member(name, '2', stat.mode(), stat.uid(), stat.gid(), mtime, new byte[0],
                    stat.linkTarget()));
            case FILE -> {
                ProcessFiles.Entry entry;
                try {
                    entry = io.files().read(path).orElse(null);
                } catch (ProcessFiles.Failure failure) {
                    // not archived: busybox opens a file before writing its header
                    io.stderr("tar: can't open '" + shown + "': " + failure.getMessage() + "\n");
                    denied = true;
                    return true;
                }
                byte[] content = entry instanceof ProcessFiles.Entry.File file ? file.content() : new byte[0];
                members.add(new TarCodec.Member(name, '0', stat.mode(), stat.uid(), stat.gid(), mtime, content, ""));
            }
        }
        return true;
    }

    /** The directory listing at {@code path}; null, after {@code tar: DIR: Permission denied}, when it may not be read. */
    private ProcessFiles.Entry list(String path, String shown) {
        try {
            return io.files().read(path).orElse(null);
        } catch (ProcessFiles.Failure failure) {
            io.stderr("tar: " + shown + ": " + failure.getMessage() + "\n");
            denied = true;
            return null;
        }
    }
}
