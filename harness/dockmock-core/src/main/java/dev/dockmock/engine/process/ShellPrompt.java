package dev.dockmock.engine.process;

/**
 * Expands {@code PS1} and {@code PS2} as busybox ash with its fancy prompt does: {@code $NAME}
 * and {@code ${NAME}} from the shell's variables, then the backslash escapes {@code \w} (the
 * working directory, {@code ~} for {@code $HOME}), {@code \W}, <code>&#92;u</code>, {@code \h},
 * {@code \H}, {@code \$} ({@code #} for root, else {@code $}), {@code \n}, {@code \e},
 * {@code \a}, {@code \\}; {@code \[} and {@code \]} print nothing.
 */
final class ShellPrompt {
    /** ash's defaults, which it sets whether or not it is interactive. */
    static final String PS1 = "\\w \\$ ";
    static final String PS2 = "> ";
    static final String PS4 = "+ ";

    private ShellPrompt() {
    }

    static String expand(String prompt, ShellState state) {
        return escapes(variables(prompt == null ? "" : prompt, state), state);
    }

    private static String variables(String text, ShellState state) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                out.append(c).append(text.charAt(++i));
                continue;
            }
            int end = c == '$' ? nameEnd(text, i + 1) : -1;
            if (end < 0) {
                out.append(c);
                continue;
            }
            boolean braced = text.charAt(i + 1) == '{';
            String name = text.substring(i + (braced ? 2 : 1), end);
            String value = state.get(name);
            out.append(value == null ? "" : value);
            i = braced ? end : end - 1;
        }
        return out.toString();
    }

    /** Where the name after a {@code $} at {@code from} ends ({@code }} for a braced one), -1 if there is none. */
    private static int nameEnd(String text, int from) {
        if (from >= text.length()) {
            return -1;
        }
        if (text.charAt(from) == '{') {
            int close = text.indexOf('}', from);
            return close > from + 1 ? close : -1;
        }
        int at = from;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        return at > from ? at : -1;
    }

    private static String escapes(String text, ShellState state) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char e = text.charAt(++i);
            switch (e) {
                case 'w' -> out.append(home(state.workingDir, state.get("HOME")));
                case 'W' -> out.append(base(state.workingDir));
                case 'u' -> out.append(Accounts.of(state.files).userName(state.files.user().uid()));
                case 'h' -> out.append(state.hostname.split("\\.", 2)[0]);
                case 'H' -> out.append(state.hostname);
                case '$' -> out.append(state.files.user().uid() == 0 ? '#' : '$');
                case 'n' -> out.append('\n');
                case 'e' -> out.append('\033');
                case 'a' -> out.append('\007');
                case '[', ']' -> { }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    private static String home(String dir, String home) {
        if (home != null && !home.isEmpty() && !home.equals("/")) {
            if (dir.equals(home)) {
                return "~";
            }
            if (dir.startsWith(home + "/")) {
                return "~" + dir.substring(home.length());
            }
        }
        return dir;
    }

    private static String base(String dir) {
        int slash = dir.lastIndexOf('/');
        return dir.equals("/") || slash < 0 ? dir : dir.substring(slash + 1);
    }
}
