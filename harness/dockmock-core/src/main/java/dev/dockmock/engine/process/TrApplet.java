package dev.dockmock.engine.process;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code tr [-ds] SET1 [SET2]}: translates, deletes or squeezes characters of stdin. */
final class TrApplet {

    private TrApplet() {
    }

    /**
     * Sets hold characters, ranges ({@code a-z}), classes ({@code [:upper:]}) and escapes
     * ({@code \n}, {@code \t}, {@code \\}); a SET2 shorter than SET1 repeats its last character.
     */
    static int run(ProcessIo io) throws InterruptedException {
        boolean delete = false;
        boolean squeeze = false;
        List<String> sets = new ArrayList<>();
        for (String arg : io.argv().subList(1, io.argv().size())) {
            if (arg.matches("-[ds]+")) {
                delete |= arg.contains("d");
                squeeze |= arg.contains("s");
            } else {
                sets.add(arg);
            }
        }
        if (sets.isEmpty() || !delete && !squeeze && sets.size() < 2) {
            io.stderr("Usage: tr [-cds] STRING1 [STRING2]\n");
            return 1;
        }
        String from = expand(sets.get(0));
        String to = sets.size() > 1 ? expand(sets.get(1)) : "";
        String text = new String(Stdin.readAll(io.stdin()), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        String squeezeSet = delete ? to : sets.size() > 1 ? to : from;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int at = from.indexOf(c);
            if (delete && at >= 0) {
                continue;
            }
            char result = !delete && at >= 0 && !to.isEmpty() ? to.charAt(Math.min(at, to.length() - 1)) : c;
            if (squeeze && out.length() > 0 && out.charAt(out.length() - 1) == result && squeezeSet.indexOf(result) >= 0) {
                continue;
            }
            out.append(result);
        }
        io.stdout(out.toString());
        return 0;
    }

    private static String expand(String set) {
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < set.length(); i++) {
            int classEnd = set.startsWith("[:", i) ? set.indexOf(":]", i) : -1;
            if (classEnd > 0) {
                chars.append(posixClass(set.substring(i + 2, classEnd)));
                i = classEnd + 1;
                continue;
            }
            char c = set.charAt(i);
            if (c == '\\' && i + 1 < set.length()) {
                char next = set.charAt(++i);
                c = next == 'n' ? '\n' : next == 't' ? '\t' : next == 'r' ? '\r' : next;
            }
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                char end = set.charAt(i + 2);
                for (char x = c; x <= end; x++) {
                    chars.append(x);
                }
                i += 2;
            } else {
                chars.append(c);
            }
        }
        return chars.toString();
    }

    private static String posixClass(String name) {
        return switch (name) {
            case "upper" -> "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
            case "lower" -> "abcdefghijklmnopqrstuvwxyz";
            case "digit" -> "0123456789";
            case "alpha" -> "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
            case "alnum" -> "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
            case "space" -> " \t\n\r\u000b\f";
            case "blank" -> " \t";
            default -> "";
        };
    }
}
