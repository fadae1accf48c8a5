package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The command line of {@code grep}: single-letter flags, {@code -e} patterns, then the pattern and files. */
record GrepOptions(String flags, List<String> patterns, List<String> files) {

    /** The options, or null when no pattern was given. */
    static GrepOptions parse(List<String> argv) {
        StringBuilder flags = new StringBuilder();
        List<String> patterns = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        boolean optionsDone = false;
        for (int i = 1; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (optionsDone || !arg.startsWith("-") || arg.equals("-")) {
                operands.add(arg);
            } else if (arg.equals("--")) {
                optionsDone = true;
            } else {
                for (int j = 1; j < arg.length(); j++) {
                    char flag = arg.charAt(j);
                    if (flag == 'e' || flag == 'm' || flag == 'A' || flag == 'B' || flag == 'C') {
                        String value = j + 1 < arg.length() ? arg.substring(j + 1) : i + 1 < argv.size() ? argv.get(++i) : null;
                        if (value == null) {
                            return null;
                        }
                        if (flag == 'e') {
                            patterns.add(value);
                        }
                        break;
                    }
                    flags.append(flag);
                }
            }
        }
        if (patterns.isEmpty()) {
            if (operands.isEmpty()) {
                return null;
            }
            patterns.add(operands.remove(0));
        }
        return new GrepOptions(flags.toString(), List.copyOf(patterns), List.copyOf(operands));
    }

    boolean has(char flag) {
        return flags.indexOf(flag) >= 0;
    }

    /** One Java pattern for all the patterns: fixed strings, extended or basic expressions, words, case. */
    Pattern pattern() {
        List<String> parts = new ArrayList<>();
        for (String each : patterns) {
            String regex = has('F') ? Pattern.quote(each) : has('E') ? extendedToJava(each) : basicToJava(each);
            parts.add(has('w') ? "(?<![\\w])(?:" + regex + ")(?![\\w])" : regex);
        }
        String joined = parts.size() == 1 ? parts.get(0) : "(?:" + String.join(")|(?:", parts) + ")";
        return Pattern.compile(joined, has('i') ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }

    /**
     * A POSIX basic regular expression as Java's: {@code \( \) \{ \} \| \+ \?} are the operators,
     * their bare characters are literal; a {@code *} at the start is literal.
     */
    static String basicToJava(String basic) {
        StringBuilder java = new StringBuilder();
        for (int i = 0; i < basic.length(); i++) {
            char c = basic.charAt(i);
            if (c == '[') {
                i = bracket(basic, i, java);
            } else if (c == '\\' && i + 1 < basic.length()) {
                char next = basic.charAt(++i);
                java.append("(){}|+?".indexOf(next) >= 0 ? String.valueOf(next) : "\\" + next);
            } else if ("(){}|+?".indexOf(c) >= 0 || c == '*' && java.length() == 0) {
                java.append('\\').append(c);
            } else {
                java.append(c);
            }
        }
        return java.toString();
    }

    /** An extended regular expression as Java's: only its bracket expressions differ. */
    static String extendedToJava(String extended) {
        StringBuilder java = new StringBuilder();
        for (int i = 0; i < extended.length(); i++) {
            char c = extended.charAt(i);
            if (c == '[') {
                i = bracket(extended, i, java);
            } else if (c == '\\' && i + 1 < extended.length()) {
                java.append(c).append(extended.charAt(++i));
            } else {
                java.append(c);
            }
        }
        return java.toString();
    }

    /**
     * Copies the bracket expression starting at {@code open} in Java's form ({@code [:digit:]}
     * classes become {@code \p{Digit}}, a backslash and a {@code [} are literal) and returns the
     * index of its closing {@code ]}; an unclosed one is a literal {@code [}.
     */
    private static int bracket(String regex, int open, StringBuilder java) {
        int i = open + 1;
        StringBuilder set = new StringBuilder("[");
        if (i < regex.length() && regex.charAt(i) == '^') {
            set.append('^');
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            set.append("\\]");
            i++;
        }
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == ']') {
                java.append(set).append(']');
                return i;
            }
            int classEnd = c == '[' && regex.startsWith("[:", i) ? regex.indexOf(":]", i + 2) : -1;
            if (classEnd > 0) {
                set.append(posixClass(regex.substring(i + 2, classEnd)));
                i = classEnd + 1;
            } else if (c == '\\' || c == '[' || c == '&') {
                set.append('\\').append(c);
            } else {
                set.append(c);
            }
        }
        java.append("\\[");
        return open;
    }

    private static String posixClass(String name) {
        return switch (name) {
            case "alpha" -> "\\p{Alpha}";
            case "digit" -> "0-9";
            case "alnum" -> "\\p{Alnum}";
            case "upper" -> "\\p{Upper}";
            case "lower" -> "\\p{Lower}";
            case "space" -> "\\s\\x0B";
            case "blank" -> " \\t";
            case "punct" -> "\\p{Punct}";
            case "xdigit" -> "0-9A-Fa-f";
            case "print" -> "\\p{Print}";
            case "graph" -> "\\p{Graph}";
            case "cntrl" -> "\\p{Cntrl}";
            default -> "";
        };
    }
}
