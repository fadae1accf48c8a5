package dev.dockmock.engine.process;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code wc}: line, word and byte counts of stdin or of files, formatted as busybox does. */
final class WcApplet {

    private WcApplet() {
    }

    /**
     * {@code wc [-lwcm] [FILE]...}: counts of each file (then its name) or of stdin, each nine
     * wide; one count of one input is printed unpadded; several files end with a {@code total} line.
     */
    static int run(ProcessIo io) throws InterruptedException {
        String flags = String.join("", io.argv().subList(1, io.argv().size()).stream()
                .filter(arg -> arg.startsWith("-") && arg.length() > 1).map(arg -> arg.substring(1)).toList());
        List<String> files = FileOperands.operands(io.argv(), List.of());
        if (files.isEmpty()) {
            io.stdout(wcLine(flags, counts(Stdin.readAll(io.stdin())), "", false));
            return 0;
        }
        int status = 0;
        long[] total = new long[4];
        for (String file : files) {
            InputStream in = file.equals("-") ? io.stdin() : FileOperands.open(io, file, true);
            if (in == null) {
                status = 1;
                continue;
            }
            long[] counts = counts(Stdin.readAll(in));
            for (int i = 0; i < total.length; i++) {
                total[i] += counts[i];
            }
            io.stdout(wcLine(flags, counts, " " + file, files.size() > 1));
        }
        if (files.size() > 1) {
            io.stdout(wcLine(flags, total, " total", true));
        }
        return status;
    }

    /** Lines, words, bytes and characters. */
    private static long[] counts(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        long lines = text.chars().filter(c -> c == '\n').count();
        long words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
        return new long[] {lines, words, data.length, text.codePointCount(0, text.length())};
    }

    /** {@code padded}: several files are counted, so even one count is nine wide (busybox pads unless one count of one input). */
    private static String wcLine(String flags, long[] counts, String name, boolean padded) {
        List<Long> shown = new ArrayList<>();
        boolean all = flags.isEmpty();
        if (all || flags.contains("l")) {
            shown.add(counts[0]);
        }
        if (all || flags.contains("w")) {
            shown.add(counts[1]);
        }
        if (all || flags.contains("c") || flags.contains("m")) {
            shown.add(flags.contains("m") ? counts[3] : counts[2]);
        }
        StringBuilder out = new StringBuilder();
        for (long value : shown) {
            out.append(out.length() == 0 ? "" : " ")
                    .append(shown.size() == 1 && !padded ? Long.toString(value) : String.format(Locale.ROOT, "%9d", value));
        }
        return out.append(name).append('\n').toString();
    }

}
