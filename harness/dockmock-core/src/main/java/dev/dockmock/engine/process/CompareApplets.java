package dev.dockmock.engine.process;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** busybox {@code cmp} and {@code comm}, reading the container's files ({@code -} is stdin). */
final class CompareApplets {

    private CompareApplets() {
    }

    /**
     * {@code cmp [-ls] [-n NUM] FILE1 [FILE2 [SKIP1 [SKIP2]]]}: 0 when equal; 1 with the first
     * difference ({@code differ: char N, line L}), every difference ({@code -l}) or
     * {@code EOF on SHORTER}; 2 when a file cannot be read.
     */
    static int cmp(ProcessIo io) throws InterruptedException {
        Optional<AppletOptions> parsed = AppletOptions.parse(io, "lsn:", Map.of());
        if (parsed.isEmpty() || parsed.get().operands().isEmpty() || parsed.get().operands().size() > 4) {
            return FileApplets.usage(io, "cmp [-ls] [-n NUM] FILE1 [FILE2 [SKIP1 [SKIP2]]]");
        }
        AppletOptions options = parsed.get();
        List<String> operands = options.operands();
        String[] names = {operands.get(0), operands.size() > 1 ? operands.get(1) : "-"};
        byte[][] data = new byte[2][];
        for (int i = 0; i < 2; i++) {
            InputStream in = names[i].equals("-") ? io.stdin() : FileOperands.open(io, names[i], true);
            if (in == null) {
                return 2;
            }
            byte[] all = Stdin.readAll(in);
            int skip = operands.size() > 2 + i ? (int) Math.min(all.length, Long.parseLong(operands.get(2 + i).replaceAll("\\D", "0"))) : 0;
            data[i] = java.util.Arrays.copyOfRange(all, skip, all.length);
        }
        long limit = options.has("n") ? Long.parseLong(options.last("n", "0").replaceAll("\\D", "0")) : Long.MAX_VALUE;
        int common = (int) Math.min(limit, Math.min(data[0].length, data[1].length));
        StringBuilder out = new StringBuilder();
        int status = 0;
        int line = 1;
        for (int i = 0; i < common; i++) {
            if (data[0][i] != data[1][i]) {
                status = 1;
                if (options.has("s")) {
                    return 1;
                }
                if (!options.has("l")) {
                    io.stdout(names[0] + " " + names[1] + " differ: char " + (i + 1) + ", line " + line + "\n");
                    return 1;
                }
                out.append(i + 1).append(' ').append(Integer.toOctalString(data[0][i] & 0xff)).append(' ')
                        .append(Integer.toOctalString(data[1][i] & 0xff)).append('\n');
            }
            if (data[0][i] == '\n') {
                line++;
            }
        }
        io.stdout(out.toString());
        if (common < limit && data[0].length != data[1].length) {
            if (!options.has("s")) {
                io.stderr("cmp: EOF on " + names[data[0].length < data[1].length ? 0 : 1] + "\n");
            }
            return 1;
        }
        return status;
    }

    /** {@code comm [-123] FILE1 FILE2}: lines only in the first, only in the second, and in both, in tab-indented columns. */
    static int comm(ProcessIo io) throws InterruptedException {
        Optional<AppletOptions> parsed = AppletOptions.parse(io, "123", Map.of());
        if (parsed.isEmpty() || parsed.get().operands().size() != 2) {
            return FileApplets.usage(io, "comm [-123] FILE1 FILE2");
        }
        AppletOptions options = parsed.get();
        List<List<String>> files = new java.util.ArrayList<>();
        for (String name : options.operands()) {
            InputStream in = name.equals("-") ? io.stdin() : FileOperands.open(io, name, false);
            if (in == null) {
                return 1;
            }
            files.add(Stdin.lines(new String(Stdin.readAll(in), StandardCharsets.UTF_8)));
        }
        String[] indent = new String[4];
        String prefix = "";
        for (int column = 1; column <= 3; column++) {
            indent[column] = prefix;
            if (!options.has(String.valueOf(column))) {
                prefix += "\t";
            }
        }
        StringBuilder out = new StringBuilder();
        List<String> a = files.get(0);
        List<String> b = files.get(1);
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            int order = i == a.size() ? 1 : j == b.size() ? -1 : a.get(i).compareTo(b.get(j));
            int column = order < 0 ? 1 : order > 0 ? 2 : 3;
            String line = order <= 0 ? a.get(i) : b.get(j);
            if (!options.has(String.valueOf(column))) {
                out.append(indent[column]).append(line).append('\n');
            }
            i += order <= 0 ? 1 : 0;
            j += order >= 0 ? 1 : 0;
        }
        io.stdout(out.toString());
        return 0;
    }
}
