package dev.dockmock.engine.process;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * busybox {@code tar c|x|t [-zvOhko] [-f TARFILE] [-C DIR] [FILE]...} over the container's
 * files, old-style bundled options ({@code tar czf a.tgz dir}) too. {@code -f} defaults to stdin
 * or stdout; gzip input is recognised without {@code -z}, as Alpine's busybox does. Creating is
 * {@link TarCreate}, extracting {@link TarExtract}.
 */
final class TarApplet {
    static final String USAGE = "tar c|x|t [-ZzJjahmvokO] [-f TARFILE] [-C DIR] [FILE]...";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Map<String, String> LONG = Map.ofEntries(Map.entry("strip-components:", "strip-components"),
            Map.entry("overwrite", "overwrite"), Map.entry("no-same-owner", "o"), Map.entry("numeric-owner", "numeric-owner"),
            Map.entry("no-same-permissions", "no-same-permissions"), Map.entry("exclude:", "exclude"),
            Map.entry("directory:", "C"), Map.entry("file:", "f"), Map.entry("gzip", "z"), Map.entry("verbose", "v"),
            Map.entry("to-stdout", "O"), Map.entry("no-recursion", "no-recursion"), Map.entry("dereference", "h"));

    private TarApplet() {
    }

    static int run(ProcessIo io) throws InterruptedException {
        Optional<AppletOptions> parsed = AppletOptions.parse(io, oldStyle(io.argv()), "cxtf:C:zvOhkomapT:X:", LONG);
        if (parsed.isEmpty()) {
            return FileApplets.usage(io, USAGE);
        }
        AppletOptions options = parsed.get();
        long modes = List.of("c", "x", "t").stream().filter(options::has).count();
        if (modes != 1) {
            return FileApplets.usage(io, USAGE);
        }
        String archive = options.last("f", "-");
        String base = KnownPaths.absolute(options.last("C", "."), io.workingDir());
        if (options.has("C") && !(io.files().lookup(base).orElse(null) instanceof ProcessFiles.Entry.Directory)) {
            io.stderr("tar: can't change directory to '" + options.last("C", "") + "': No such file or directory\n");
            return 1;
        }
        if (options.has("c")) {
            return TarCreate.run(io, options, archive, base);
        }
        byte[] data = read(io, archive);
        if (data == null) {
            return 1;
        }
        List<TarCodec.Member> members;
        try {
            members = TarCodec.read(GzipCodec.looksCompressed(data) ? GzipCodec.decompress(data) : data);
        } catch (TarCodec.Broken | GzipCodec.Broken broken) {
            io.stderr("tar: " + broken.getMessage() + "\n");
            return 1;
        }
        boolean missing = TarExtract.missing(io, members, options.operands());
        List<TarCodec.Member> chosen = TarExtract.chosen(members, options.operands());
        if (options.has("x")) {
            return TarExtract.run(io, options, chosen, base) | (missing ? 1 : 0);
        }
        StringBuilder out = new StringBuilder();
        for (TarCodec.Member member : chosen) {
            out.append(options.has("v") ? longLine(member) : member.name()).append('\n');
        }
        io.stdout(out.toString());
        return missing ? 1 : 0;
    }

    /** {@code tar czf a.tgz dir}: a first argument without a dash bundles options that take the next arguments in order. */
    private static List<String> oldStyle(List<String> argv) {
        if (argv.size() < 2 || argv.get(1).startsWith("-")) {
            return argv;
        }
        List<String> rewritten = new ArrayList<>(List.of(argv.get(0)));
        int next = 2;
        for (char letter : argv.get(1).toCharArray()) {
            rewritten.add("-" + letter);
            if ("fCTX".indexOf(letter) >= 0 && next < argv.size()) {
                rewritten.add(argv.get(next++));
            }
        }
        rewritten.addAll(argv.subList(next, argv.size()));
        return rewritten;
    }

    private static byte[] read(ProcessIo io, String archive) throws InterruptedException {
        if (archive.equals("-")) {
            return Stdin.readAll(io.stdin());
        }
        Optional<ProcessFiles.Entry> entry;
        try {
            entry = io.files().read(KnownPaths.absolute(archive, io.workingDir()));
        } catch (ProcessFiles.Failure failure) {
            io.stderr("tar: can't open '" + archive + "': " + failure.getMessage() + "\n");
            return null;
        }
        if (entry.isPresent() && entry.get() instanceof ProcessFiles.Entry.File file) {
            return file.content();
        }
        io.stderr("tar: can't open '" + archive + "': " + (entry.isPresent() ? "Is a directory" : "No such file or directory")
                + "\n");
        return null;
    }

    /** {@code tar tv}'s line: mode, owner/group, size, time and name (and a link's target). */
    static String longLine(TarCodec.Member member) {
        ProcessFiles.Kind kind = member.type() == '5' ? ProcessFiles.Kind.DIRECTORY
                : member.type() == '2' ? ProcessFiles.Kind.SYMLINK : ProcessFiles.Kind.FILE;
        String mode = LongListing.modeString(new ProcessFiles.Stat(kind, member.mode(), member.uid(), member.gid(), 0, 1,
                Instant.EPOCH, ""));
        String owner = (member.uid() == 0 ? "root" : String.valueOf(member.uid())) + "/"
                + (member.gid() == 0 ? "root" : String.valueOf(member.gid()));
        String link = member.type() == '2' || member.type() == '1' ? " -> " + member.link() : "";
        return String.format("%s %s %9d %s %s%s", mode, owner, member.content().length,
                TIME.format(Instant.ofEpochSecond(member.mtime())), member.name(), link);
    }
}
