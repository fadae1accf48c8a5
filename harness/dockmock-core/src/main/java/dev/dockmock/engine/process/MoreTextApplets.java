package dev.dockmock.engine.process;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/** {@code tac}, {@code rev}, {@code nproc} and {@code expr}, as busybox's. */
final class MoreTextApplets {

    private MoreTextApplets() {
    }

    /** {@code tac [FILE]...}: the lines, last first. */
    static int tac(ProcessIo io) throws InterruptedException {
        return eachLine(io, lines -> Collections.reverse(lines));
    }

    /** {@code rev [FILE]...}: each line's characters reversed. */
    static int rev(ProcessIo io) throws InterruptedException {
        return eachLine(io, lines -> lines.replaceAll(line -> new StringBuilder(line).reverse().toString()));
    }

    /** {@code nproc}: the CPUs the JVM sees, as a container sees its CPUs. */
    static int nproc(ProcessIo io) {
        io.stdout(Runtime.getRuntime().availableProcessors() + "\n");
        return 0;
    }

    /**
     * {@code expr ARG...}: {@code | & = != < <= > >= + - * / %}, {@code length STRING} and
     * parentheses; prints the result; exit 1 when it is 0 or empty, 2 on a syntax error or a
     * division by zero.
     */
    static int expr(ProcessIo io) {
        ExprEvaluator evaluator = new ExprEvaluator(io.argv().subList(1, io.argv().size()));
        String result;
        try {
            result = evaluator.evaluate();
        } catch (IllegalArgumentException e) {
            io.stderr("expr: " + e.getMessage() + "\n");
            return 2;
        }
        io.stdout(result + "\n");
        return result.isEmpty() || result.equals("0") ? 1 : 0;
    }

    private interface LinesEdit {
        void apply(List<String> lines);
    }

    private static int eachLine(ProcessIo io, LinesEdit edit) throws InterruptedException {
        List<String> files = FileOperands.operands(io.argv(), List.of());
        int status = 0;
        StringBuilder out = new StringBuilder();
        for (String file : files.isEmpty() ? List.of("-") : files) {
            // busybox's fopen_or_warn: "tac: x: Permission denied", as dockerd's busybox prints it
            InputStream in = file.equals("-") ? io.stdin() : FileOperands.open(io, file, true);
            if (in == null) {
                status = 1;
                continue;
            }
            String text = new String(Stdin.readAll(in), StandardCharsets.UTF_8);
            List<String> lines = Stdin.lines(text);
            edit.apply(lines);
            lines.forEach(line -> out.append(line).append('\n'));
        }
        io.stdout(out.toString());
        return status;
    }
}
