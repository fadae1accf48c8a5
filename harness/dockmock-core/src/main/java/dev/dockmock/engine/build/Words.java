package dev.dockmock.engine.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The word processing of Dockerfile arguments, as dockerd's shell lexer does it: single quotes
 * keep text as is, double quotes and the escape character protect it, and {@code $VAR},
 * {@code ${VAR}}, {@code ${VAR:-default}} and {@code ${VAR:+alternative}} expand from the build's
 * environment and arguments.
 */
final class Words {
    private final char escape;

    Words(char escape) {
        this.escape = escape;
    }

    /** {@code text} as one word, quotes removed and variables expanded. */
    String expand(String text, Map<String, String> vars) {
        return process(text, vars, false).get(0);
    }

    /** {@code text} split at unquoted white space, each word expanded. */
    List<String> split(String text, Map<String, String> vars) {
        return process(text, vars, true);
    }

    /**
     * The {@code key=value} pairs of {@code ENV} and {@code LABEL}, or the old one-pair form
     * {@code ENV key value with spaces}.
     */
    Map<String, String> keyValues(String args, Map<String, String> vars, Instruction instruction) {
        Map<String, String> pairs = new LinkedHashMap<>();
        List<String> raw = splitRaw(args);
        if (!raw.get(0).contains("=")) {
            String rest = args.strip().substring(raw.get(0).length()).strip();
            if (rest.isEmpty()) {
                throw Dockerfile.parseError(instruction.line(), instruction.keyword() + " must have two arguments");
            }
            pairs.put(expand(raw.get(0), vars), expand(rest, vars));
            return pairs;
        }
        for (String word : raw) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw Dockerfile.parseError(instruction.line(), "Syntax error - can't find = in \"" + word
                        + "\". Must be of the form: name=value");
            }
            pairs.put(expand(word.substring(0, eq), vars), expand(word.substring(eq + 1), vars));
        }
        return pairs;
    }

    /** Splits at unquoted white space, keeping quotes and escapes for {@link #expand}. */
    List<String> splitRaw(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == escape && quote != '\'' && i + 1 < text.length()) {
                word.append(c).append(text.charAt(++i));
            } else if (quote == 0 && Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                if (quote == 0 && (c == '"' || c == '\'')) {
                    quote = c;
                } else if (c == quote) {
                    quote = 0;
                }
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private List<String> process(String text, Map<String, String> vars, boolean split) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (split && Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            inWord = true;
            if (c == escape) {
                word.append(i + 1 < text.length() ? text.charAt(i + 1) : c);
                i += 2;
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                end = end < 0 ? text.length() : end;
                word.append(text, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(text, i + 1, vars, word);
            } else if (c == '$') {
                i = variable(text, i, vars, word);
            } else {
                word.append(c);
                i++;
            }
        }
        if (inWord || !split) {
            words.add(word.toString());
        }
        return words;
    }

    private int doubleQuoted(String text, int start, Map<String, String> vars, StringBuilder word) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == escape && (next == '"' || next == '$' || next == escape)) {
                word.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '$') {
                i = variable(text, i, vars, word);
            } else {
                word.append(c);
                i++;
            }
        }
        return i;
    }

    private int variable(String text, int dollar, Map<String, String> vars, StringBuilder word) {
        if (dollar + 1 < text.length() && text.charAt(dollar + 1) == '{') {
            int depth = 0;
            for (int j = dollar + 1; j < text.length(); j++) {
                char c = text.charAt(j);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0) {
                    word.append(braced(text.substring(dollar + 2, j), vars));
                    return j + 1;
                }
            }
            word.append(text.substring(dollar));
            return text.length();
        }
        int end = nameEnd(text, dollar + 1);
        if (end == dollar + 1) {
            word.append('$');
            return dollar + 1;
        }
        word.append(vars.getOrDefault(text.substring(dollar + 1, end), ""));
        return end;
    }

    private String braced(String inner, Map<String, String> vars) {
        int end = nameEnd(inner, 0);
        String value = vars.get(inner.substring(0, end));
        String rest = inner.substring(end);
        boolean unset = value == null;
        boolean empty = unset || value.isEmpty();
        if (rest.startsWith(":-") || rest.startsWith("-")) {
            return (rest.startsWith(":") ? empty : unset) ? expand(rest.substring(rest.indexOf('-') + 1), vars) : value;
        }
        if (rest.startsWith(":+") || rest.startsWith("+")) {
            return (rest.startsWith(":") ? empty : unset) ? "" : expand(rest.substring(rest.indexOf('+') + 1), vars);
        }
        return unset ? "" : value;
    }

    private static int nameEnd(String text, int start) {
        int end = start;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        return end;
    }
}
