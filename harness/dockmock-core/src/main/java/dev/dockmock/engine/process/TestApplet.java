package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code test}, {@code [} and {@code [[}: string, integer and file tests with {@code ! -a -o ( )}
 * ({@code && ||} in {@code [[}, where {@code ==} compares strings as in ash, not patterns). File
 * tests see {@link KnownPaths}; {@code -r -w -x} answer as {@code access(2)} does for the process's
 * user. Status 0 true, 1 false, 2 for a malformed expression.
 */
final class TestApplet {
    /** The tests the container's files answer when they have the path. */
    private static final Set<String> FILE_TESTS = Set.of("-e", "-r", "-w", "-f", "-s", "-d", "-x");
    private static final Set<String> UNARY = Set.of("-z", "-n", "-e", "-f", "-d", "-r", "-w", "-x", "-s", "-L", "-h",
            "-c", "-b", "-p", "-S", "-t", "-g", "-u", "-k", "-O", "-G");
    private static final Set<String> BINARY = Set.of("=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt",
            "-ge", "-nt", "-ot", "-ef");

    private final List<String> args;
    private final String workingDir;
    private final ProcessFiles files;
    private int pos;

    private TestApplet(List<String> args, String workingDir, ProcessFiles files) {
        this.files = files;
        this.args = args;
        this.workingDir = workingDir;
    }

    static int run(ProcessIo io) {
        String name = Applets.name(io);
        List<String> args = new ArrayList<>(io.argv().subList(1, io.argv().size()));
        if (name.equals("[") || name.equals("[[")) {
            String close = name.equals("[") ? "]" : "]]";
            if (args.isEmpty() || !args.get(args.size() - 1).equals(close)) {
                io.stderr(name + ": missing " + close + "\n");
                return 2;
            }
            args.remove(args.size() - 1);
            if (name.equals("[[")) {
                args.replaceAll(arg -> arg.equals("&&") ? "-a" : arg.equals("||") ? "-o" : arg);
            }
        }
        try {
            return new TestApplet(args, io.workingDir(), io.files()).evaluate() ? 0 : 1;
        } catch (IllegalArgumentException e) {
            io.stderr(name + ": " + e.getMessage() + "\n");
            return 2;
        }
    }

    private boolean evaluate() {
        int count = args.size();
        if (count == 0) {
            return false;
        }
        if (count == 1) {
            return !args.get(0).isEmpty();
        }
        if (count == 2 && args.get(0).equals("!")) {
            return args.get(1).isEmpty();
        }
        if (count == 3 && BINARY.contains(args.get(1))) {
            return binary(args.get(0), args.get(1), args.get(2));
        }
        boolean result = or();
        if (pos < count) {
            throw new IllegalArgumentException(args.get(pos) + ": unknown operand");
        }
        return result;
    }

    private boolean or() {
        boolean result = and();
        while (pos < args.size() && args.get(pos).equals("-o")) {
            pos++;
            result |= and();
        }
        return result;
    }

    private boolean and() {
        boolean result = not();
        while (pos < args.size() && args.get(pos).equals("-a")) {
            pos++;
            result &= not();
        }
        return result;
    }

    private boolean not() {
        if (pos < args.size() && args.get(pos).equals("!")) {
            pos++;
            return !not();
        }
        return primary();
    }

    private boolean primary() {
        if (pos >= args.size()) {
            throw new IllegalArgumentException("argument expected");
        }
        String arg = args.get(pos++);
        if (arg.equals("(")) {
            boolean result = or();
            if (pos >= args.size() || !args.get(pos++).equals(")")) {
                throw new IllegalArgumentException("closing paren expected");
            }
            return result;
        }
        if (pos < args.size() && BINARY.contains(args.get(pos))) {
            String op = args.get(pos++);
            if (pos >= args.size()) {
                throw new IllegalArgumentException("argument expected");
            }
            return binary(arg, op, args.get(pos++));
        }
        if (UNARY.contains(arg) && pos < args.size()) {
            return unary(arg, args.get(pos++));
        }
        return !arg.isEmpty();
    }

    private boolean unary(String op, String operand) {
        String path = KnownPaths.absolute(operand, workingDir);
        if (!operand.isEmpty() && !Set.of("-z", "-n", "-t").contains(op) && !files.allows(path, 0)) {
            return false; // a directory on the way may not be searched: stat fails, as for a missing file
        }
        Optional<ProcessFiles.Entry> entry = operand.isEmpty() ? Optional.empty() : files.lookup(path);
        if (entry.isPresent() && FILE_TESTS.contains(op)) {
            boolean directory = entry.get() instanceof ProcessFiles.Entry.Directory;
            return switch (op) {
                case "-f" -> !directory;
                case "-s" -> directory || ((ProcessFiles.Entry.File) entry.get()).content().length > 0;
                case "-d" -> directory;
                // root may run anything with an x bit; a tree without attributes falls back on names
                case "-x" -> (directory || files.stat(path, true).map(stat -> (stat.mode() & 0111) != 0)
                        .orElse(KnownPaths.isProgram(path))) && files.allows(path, ProcessFiles.EXECUTE);
                case "-r" -> files.allows(path, ProcessFiles.READ); // access(2): always for root
                case "-w" -> files.allows(path, ProcessFiles.WRITE);
                default -> true; // -e: it exists
            };
        }
        return switch (op) {
            case "-z" -> operand.isEmpty();
            case "-n" -> !operand.isEmpty();
            case "-e", "-r", "-w" -> !operand.isEmpty() && KnownPaths.exists(path);
            case "-f", "-s" -> !operand.isEmpty() && KnownPaths.isProgram(path);
            case "-d" -> !operand.isEmpty() && KnownPaths.isDirectory(path);
            case "-x" -> !operand.isEmpty() && (KnownPaths.isProgram(path) || KnownPaths.isDirectory(path));
            case "-c" -> !operand.isEmpty() && KnownPaths.isDevice(path);
            case "-t" -> false;
            case "-L", "-h" -> !operand.isEmpty() && files.stat(path, false)
                    .map(stat -> stat.kind() == ProcessFiles.Kind.SYMLINK).orElse(false);
            default -> false;
        };
    }

    private boolean binary(String left, String op, String right) {
        return switch (op) {
            case "=", "==" -> left.equals(right);
            case "!=" -> !left.equals(right);
            case "<" -> left.compareTo(right) < 0;
            case ">" -> left.compareTo(right) > 0;
            case "-nt", "-ot" -> false;
            case "-ef" -> KnownPaths.absolute(left, workingDir).equals(KnownPaths.absolute(right, workingDir));
            default -> compare(number(left), op, number(right));
        };
    }

    private static boolean compare(long left, String op, long right) {
        return switch (op) {
            case "-eq" -> left == right;
            case "-ne" -> left != right;
            case "-lt" -> left < right;
            case "-le" -> left <= right;
            case "-gt" -> left > right;
            default -> left >= right;
        };
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text + ": bad number");
        }
    }
}
