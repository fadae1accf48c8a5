package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code tar x}: members written into the container's files below {@code -C DIR} (or the working
 * directory), parents made as needed, modes and (unless {@code -o}) owners restored;
 * {@code -O} writes the files' contents to stdout instead. Modification times are not restored:
 * the container's files take the time of the write.
 */
final class TarExtract {

    private TarExtract() {
    }

    /** Reports the operands no member matches ({@code not found in archive}); true when there were some. */
    static boolean missing(ProcessIo io, List<TarCodec.Member> members, List<String> operands) {
        boolean missing = false;
        for (String operand : operands) {
            if (members.stream().noneMatch(member -> matches(member, operand))) {
                io.stderr("tar: " + operand + ": not found in archive\n");
                missing = true;
            }
        }
        return missing;
    }

    /** The members the operands name (themselves or below them), or all when there are none. */
    static List<TarCodec.Member> chosen(List<TarCodec.Member> members, List<String> operands) {
        if (operands.isEmpty()) {
            return members;
        }
        return members.stream().filter(member -> operands.stream().anyMatch(operand -> matches(member, operand))).toList();
    }

    private static boolean matches(TarCodec.Member member, String operand) {
        String name = trimmed(member.name());
        String wanted = trimmed(operand);
        return name.equals(wanted) || name.startsWith(wanted + "/");
    }

    static int run(ProcessIo io, AppletOptions options, List<TarCodec.Member> members, String base) {
        String stripText = options.last("strip-components", "0");
        int strip = stripText.matches("\\d{1,9}") ? Integer.parseInt(stripText) : 0;
        int status = 0;
        StringBuilder verbose = new StringBuilder();
        for (TarCodec.Member member : members) {
            List<String> parts = new ArrayList<>(Arrays.stream(member.name().split("/"))
                    .filter(part -> !part.isEmpty() && !part.equals(".")).toList());
            if (parts.size() <= strip && !(parts.isEmpty() && strip == 0)) {
                continue;
            }
            parts = parts.subList(strip, parts.size());
            if (options.has("O")) {
                if (member.type() == '0') {
                    io.stdout(member.content());
                }
                continue;
            }
            if (options.has("v")) {
                verbose.append(member.name()).append('\n');
            }
            String path = KnownPaths.absolute(String.join("/", parts), base);
            try {
                write(io, options, member, path, base);
            } catch (ProcessFiles.Failure failure) {
                io.stderr("tar: can't create '" + member.name() + "': " + failure.getMessage() + "\n");
                status = 1;
            }
        }
        io.stdout(verbose.toString());
        return status;
    }

    private static void write(ProcessIo io, AppletOptions options, TarCodec.Member member, String path, String base)
            throws ProcessFiles.Failure {
        ProcessFiles files = io.files();
        makeDirectories(files, path.substring(0, Math.max(1, path.lastIndexOf('/'))));
        switch (member.type()) {
            case '5' -> makeDirectories(files, path);
            case '2' -> {
                if (files.stat(path, false).isPresent()) {
                    files.remove(path, false);
                }
                files.symlink(member.link(), path);
                return;
            }
            default -> {
                if (options.has("k") && files.stat(path, false).isPresent()) {
                    return;
                }
                if (files.stat(path, false).map(stat -> stat.kind() == ProcessFiles.Kind.SYMLINK).orElse(false)) {
                    files.remove(path, false);
                }
                byte[] content = member.content();
                if (member.type() == '1') {
                    String target = KnownPaths.absolute(trimmed(member.link()), base);
                    content = files.lookup(target).orElse(null) instanceof ProcessFiles.Entry.File file ? file.content() : content;
                }
                files.write(path, content, false);
            }
        }
        if (!options.has("no-same-permissions")) {
            files.setMode(path, member.mode());
        }
        if (!options.has("o")) {
            files.setOwner(path, member.uid(), member.gid(), true);
        }
    }

    private static void makeDirectories(ProcessFiles files, String path) throws ProcessFiles.Failure {
        StringBuilder at = new StringBuilder();
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            at.append('/').append(part);
            if (files.stat(at.toString(), true).isEmpty()) {
                files.mkdir(at.toString());
            }
        }
    }

    private static String trimmed(String name) {
        String trimmed = name.replaceFirst("^(\\./)+", "").replaceFirst("^/+", "");
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
