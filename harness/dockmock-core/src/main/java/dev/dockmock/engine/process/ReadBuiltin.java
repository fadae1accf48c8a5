package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;

/** {@code read [-r] [-p prompt] [name...]}: one line of stdin, split on {@code IFS}. */
final class ReadBuiltin {

    private ReadBuiltin() {
    }

    static int read(ShellRunner shell, List<String> argv, Streams io) throws InterruptedException {
        boolean raw = false;
        List<String> names = new ArrayList<>();
        for (int i = 1; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg.equals("-r")) {
                raw = true;
            } else if (arg.equals("-p") && i + 1 < argv.size()) {
                io.err(argv.get(++i));
            } else if ((arg.equals("-t") || arg.equals("-n") || arg.equals("-u")) && i + 1 < argv.size()) {
                i++;
            } else if (!arg.startsWith("-")) {
                names.add(arg);
            }
        }
        StringBuilder line = new StringBuilder();
        boolean complete = readLine(io, raw, line);
        if (names.isEmpty()) {
            shell.state.set("REPLY", line.toString());
        } else {
            assign(shell.state, names, line.toString(), shell.expander.ifs());
        }
        return complete ? 0 : 1;
    }

    /** Reads up to a newline; {@code false} when stdin ended first. */
    private static boolean readLine(Streams io, boolean raw, StringBuilder line) throws InterruptedException {
        while (true) {
            String chunk = Stdin.readLine(io.in());
            if (chunk == null) {
                return false;
            }
            boolean newline = chunk.endsWith("\n");
            String text = newline ? chunk.substring(0, chunk.length() - 1) : chunk;
            if (raw) {
                line.append(text);
                return newline;
            }
            boolean continued = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length()) {
                    line.append(text.charAt(++i));
                } else if (c == '\\') {
                    continued = newline;
                } else {
                    line.append(c);
                }
            }
            if (!continued) {
                return newline;
            }
        }
    }

    private static void assign(ShellState state, List<String> names, String line, String ifs) {
        int pos = 0;
        for (int n = 0; n < names.size(); n++) {
            while (pos < line.length() && isIfsSpace(line.charAt(pos), ifs)) {
                pos++;
            }
            if (n == names.size() - 1) {
                int end = line.length();
                while (end > pos && isIfsSpace(line.charAt(end - 1), ifs)) {
                    end--;
                }
                state.set(names.get(n), line.substring(pos, end));
                return;
            }
            int start = pos;
            while (pos < line.length() && ifs.indexOf(line.charAt(pos)) < 0) {
                pos++;
            }
            state.set(names.get(n), line.substring(start, pos));
            if (pos < line.length() && !isIfsSpace(line.charAt(pos), ifs)) {
                pos++;
            }
        }
    }

    private static boolean isIfsSpace(char c, String ifs) {
        return ifs.indexOf(c) >= 0 && Character.isWhitespace(c);
    }
}
