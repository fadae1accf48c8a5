package dev.dockmock.engine.process;

import java.util.regex.Pattern;

/**
 * Shell glob patterns ({@code *}, {@code ?}, {@code [a-z]}) as used by {@code case} and
 * {@code ${name#pattern}}. A backslash makes the next character literal; the expander escapes
 * quoted text that way.
 */
final class Patterns {
    private static final String REGEX_SPECIAL = "\\.^$|?*+()[]{}";

    private Patterns() {
    }

    static boolean matches(String pattern, String text) {
        return regex(pattern).matcher(text).matches();
    }

    /** Escapes glob characters so that {@code text} matches only itself. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\*?[]".indexOf(c) >= 0) {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.toString();
    }

    /** {@code ${value#pattern}} and its {@code ## % %%} siblings. */
    static String remove(String value, String pattern, String operator) {
        Pattern regex = regex(pattern);
        int n = value.length();
        switch (operator) {
            case "#":
                for (int i = 0; i <= n; i++) {
                    if (regex.matcher(value.substring(0, i)).matches()) {
                        return value.substring(i);
                    }
                }
                return value;
            case "##":
                for (int i = n; i >= 0; i--) {
                    if (regex.matcher(value.substring(0, i)).matches()) {
                        return value.substring(i);
                    }
                }
                return value;
            case "%":
                for (int i = n; i >= 0; i--) {
                    if (regex.matcher(value.substring(i)).matches()) {
                        return value.substring(0, i);
                    }
                }
                return value;
            default:
                for (int i = 0; i <= n; i++) {
                    if (regex.matcher(value.substring(i)).matches()) {
                        return value.substring(0, i);
                    }
                }
                return value;
        }
    }

    static Pattern regex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                literal(regex, pattern.charAt(++i));
            } else if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[' && bracketEnd(pattern, i) > 0) {
                int end = bracketEnd(pattern, i);
                bracket(regex, pattern.substring(i + 1, end));
                i = end;
            } else {
                literal(regex, c);
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static int bracketEnd(String pattern, int open) {
        int i = open + 1;
        if (i < pattern.length() && (pattern.charAt(i) == '!' || pattern.charAt(i) == '^')) {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++;
        }
        return pattern.indexOf(']', i);
    }

    private static void bracket(StringBuilder regex, String content) {
        regex.append('[');
        int i = 0;
        if (!content.isEmpty() && (content.charAt(0) == '!' || content.charAt(0) == '^')) {
            regex.append('^');
            i = 1;
        }
        for (; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '[' && content.startsWith("[:", i) && content.indexOf(":]", i) > 0) {
                int end = content.indexOf(":]", i);
                regex.append("\\p{").append(posixClass(content.substring(i + 2, end))).append('}');
                i = end + 1;
            } else if (c == '-' && i > 0 && i < content.length() - 1) {
                regex.append('-');
            } else if (Character.isLetterOrDigit(c)) {
                regex.append(c);
            } else {
                regex.append('\\').append(c);
            }
        }
        regex.append(']');
    }

    private static String posixClass(String name) {
        return switch (name) {
            case "alpha" -> "Alpha";
            case "digit" -> "Digit";
            case "alnum" -> "Alnum";
            case "upper" -> "Upper";
            case "lower" -> "Lower";
            case "space" -> "Space";
            case "xdigit" -> "XDigit";
            case "punct" -> "Punct";
            default -> "Print";
        };
    }

    private static void literal(StringBuilder regex, char c) {
        if (REGEX_SPECIAL.indexOf(c) >= 0) {
            regex.append('\\');
        }
        regex.append(c);
    }
}
