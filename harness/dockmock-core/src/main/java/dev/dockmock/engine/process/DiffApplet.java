package dev.dockmock.engine.process;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * busybox {@code diff [-abiNqrsw] [-L LABEL] [-U LINES] FILE1 FILE2}: unified output only (as
 * busybox's), headers without times; {@code -} is stdin; directories are compared entry by entry
 * ({@code Only in}, {@code Common subdirectories}, recursing with {@code -r}). Status 0 when
 * equal, 1 when different, 2 on trouble.
 */
final class DiffApplet {
    private static final String USAGE = "diff [-abBdiNqrTstw] [-L LABEL] [-S FILE] [-U LINES] FILE1 FILE2";

    private final ProcessIo io;
    private final AppletOptions options;
    private final StringBuilder out = new StringBuilder();
    private int status;
    /** Whether an operand of the pair being compared could not be stat'ed (status 2), not just opened. */
    private boolean unstatable;

    private DiffApplet(ProcessIo io, AppletOptions options) {
        this.io = io;
        this.options = options;
    }

    static int run(ProcessIo io) throws InterruptedException {
        Optional<AppletOptions> parsed = AppletOptions.parse(io, "abBdiNqrTstwuL:S:U:", Map.of());
        if (parsed.isEmpty() || parsed.get().operands().size() != 2) {
            FileApplets.usage(io, USAGE);
            return 2;
        }
        String context = parsed.get().last("U", "3");
        if (!context.matches("\\d{1,6}")) {
            io.stderr("diff: invalid number '" + context + "'\n");
            return 2;
        }
        DiffApplet diff = new DiffApplet(io, parsed.get());
        String left = parsed.get().operands().get(0);
        String right = parsed.get().operands().get(1);
        for (String operand : parsed.get().operands()) {
            if (!operand.equals("-") && diff.stat(operand).isEmpty() && !parsed.get().has("N")) {
                io.stderr("diff: can't stat '" + operand + "': No such file or directory\n");
                return 2;
            }
        }
        boolean leftDir = diff.isDirectory(left);
        boolean rightDir = diff.isDirectory(right);
        if (leftDir && rightDir) {
            diff.directories(left, right);
        } else if (leftDir || rightDir) {
            String name = (leftDir ? right : left).substring((leftDir ? right : left).lastIndexOf('/') + 1);
            diff.files(leftDir ? left + "/" + name : left, rightDir ? right + "/" + name : right, Integer.parseInt(context));
        } else {
            diff.files(left, right, Integer.parseInt(context));
        }
        io.stdout(diff.out.toString());
        return diff.status;
    }

    private void files(String left, String right, int context) throws InterruptedException {
        String a = read(left);
        String b = read(right);
        if (a == null || b == null) {
            // busybox stats both first (a failure there is status 2); an open that fails afterwards
            // leaves its "same" result, 0, as dockerd's busybox shows for an unreadable file
            status = unstatable ? 2 : status;
            unstatable = false;
            return;
        }
        // a file with a NUL byte is binary: busybox says only whether the two differ, unless -a
        boolean binary = !options.has("a") && (a.indexOf('\0') >= 0 || b.indexOf('\0') >= 0);
        String hunks = binary ? (a.equals(b) ? "" : "binary") : UnifiedDiff.hunks(a, b, context, normalisation());
        if (hunks.isEmpty()) {
            return;
        }
        status = Math.max(status, 1);
        if (options.has("q") || binary) {
            out.append("Files ").append(left).append(" and ").append(right).append(" differ\n");
            return;
        }
        out.append("--- ").append(options.all("L").size() > 0 ? options.all("L").get(0) : left).append('\n');
        out.append("+++ ").append(options.all("L").size() > 1 ? options.all("L").get(1) : right).append('\n');
        out.append(hunks);
    }

    private void directories(String left, String right) throws InterruptedException {
        TreeSet<String> names = new TreeSet<>(names(left));
        names.addAll(names(right));
        for (String name : names) {
            String a = left + "/" + name;
            String b = right + "/" + name;
            boolean inLeft = stat(a).isPresent();
            boolean inRight = stat(b).isPresent();
            if (!inLeft || !inRight) {
                if (options.has("N") && !(isDirectory(a) || isDirectory(b))) {
                    files(a, b, Integer.parseInt(options.last("U", "3")));
                } else {
                    out.append("Only in ").append(inLeft ? left : right).append(": ").append(name).append('\n');
                    status = Math.max(status, 1);
                }
            } else if (isDirectory(a) && isDirectory(b)) {
                if (options.has("r")) {
                    directories(a, b);
                } else {
                    out.append("Common subdirectories: ").append(a).append(" and ").append(b).append('\n');
                }
            } else {
                files(a, b, Integer.parseInt(options.last("U", "3")));
            }
        }
    }

    private UnaryOperator<String> normalisation() {
        UnaryOperator<String> normal = line -> line;
        if (options.has("w")) {
            normal = line -> line.replaceAll("\\s+", "");
        } else if (options.has("b")) {
            normal = line -> line.replaceAll("\\s+", " ").replaceAll(" $", "");
        }
        if (options.has("i")) {
            UnaryOperator<String> before = normal;
            normal = line -> before.apply(line).toLowerCase(Locale.ROOT);
        }
        return normal;
    }

    /** The text of {@code operand}: stdin for {@code -}, empty for a missing file with {@code -N}; null after a complaint. */
    private String read(String operand) throws InterruptedException {
        if (operand.equals("-")) {
            return new String(Stdin.readAll(io.stdin()), StandardCharsets.UTF_8);
        }
        Optional<ProcessFiles.Entry> entry;
        try {
            entry = io.files().read(KnownPaths.absolute(operand, io.workingDir()));
        } catch (ProcessFiles.Failure failure) {
            io.stderr("diff: can't open '" + operand + "': " + failure.getMessage() + "\n");
            return null;
        }
        if (entry.isPresent() && entry.get() instanceof ProcessFiles.Entry.File file) {
            return new String(file.content(), StandardCharsets.UTF_8);
        }
        if (entry.isEmpty() && options.has("N")) {
            return "";
        }
        io.stderr("diff: can't stat '" + operand + "': " + (entry.isPresent() ? "Is a directory" : "No such file or directory")
                + "\n");
        unstatable = true;
        return null;
    }

    private java.util.List<String> names(String directory) {
        return io.files().lookup(KnownPaths.absolute(directory, io.workingDir())).orElse(null)
                instanceof ProcessFiles.Entry.Directory listing ? listing.names() : java.util.List.of();
    }

    private Optional<ProcessFiles.Stat> stat(String operand) {
        return io.files().stat(KnownPaths.absolute(operand, io.workingDir()), true);
    }

    private boolean isDirectory(String operand) {
        return !operand.equals("-") && stat(operand).map(ProcessFiles.Stat::isDirectory).orElse(false);
    }
}
