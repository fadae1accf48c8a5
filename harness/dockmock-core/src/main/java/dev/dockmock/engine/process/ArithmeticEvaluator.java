package dev.dockmock.engine.process;

import java.util.List;

/**
 * Evaluates {@code $((...))} after its parameters were expanded: 64-bit integers, C operators
 * and precedence, variables by bare name, assignments ({@code =}, {@code +=}...), {@code ++},
 * {@code --} and {@code ?:}.
 */
final class ArithmeticEvaluator {
    /** Binary operators by precedence, loosest first; two-character ones listed first in a row. */
    private static final List<List<String>> LEVELS = List.of(List.of("||"), List.of("&&"), List.of("|"), List.of("^"),
            List.of("&"), List.of("==", "!="), List.of("<=", ">=", "<", ">"), List.of("<<", ">>"), List.of("+", "-"),
            List.of("*", "/", "%"));
    private static final int MAX_DEPTH = 16;

    private final String text;
    private final ShellState state;
    private final int depth;
    private int pos;

    private ArithmeticEvaluator(String text, ShellState state, int depth) {
        this.text = text;
        this.state = state;
        this.depth = depth;
    }

    static long evaluate(String text, ShellState state) {
        return evaluate(text, state, 0);
    }

    private static long evaluate(String text, ShellState state, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ShellControl.Fatal("arithmetic syntax error");
        }
        ArithmeticEvaluator evaluator = new ArithmeticEvaluator(text, state, depth);
        if (evaluator.atEnd()) {
            return 0;
        }
        long value = evaluator.assignment();
        if (!evaluator.atEnd()) {
            throw syntaxError();
        }
        return value;
    }

    private long assignment() {
        int start = pos;
        String name = name();
        if (name != null) {
            skipSpaces();
            for (String op : new String[] {"+=", "-=", "*=", "/=", "%=", "="}) {
                if (text.startsWith(op, pos) && !text.startsWith("==", pos)) {
                    pos += op.length();
                    long right = assignment();
                    long value = op.equals("=") ? right
                            : ArithmeticOperators.apply(op.substring(0, 1), variable(name), right);
                    state.set(name, Long.toString(value));
                    return value;
                }
            }
            pos = start;
        }
        long condition = binary(0);
        if (!atEnd() && text.charAt(pos) == '?') {
            pos++;
            long then = assignment();
            expect(':');
            long otherwise = assignment();
            return condition != 0 ? then : otherwise;
        }
        return condition;
    }

    private long binary(int level) {
        if (level == LEVELS.size()) {
            return unary();
        }
        long left = binary(level + 1);
        while (true) {
            String op = operatorAt(level);
            if (op == null) {
                return left;
            }
            pos += op.length();
            left = ArithmeticOperators.apply(op, left, binary(level + 1));
        }
    }

    private String operatorAt(int level) {
        if (atEnd()) {
            return null;
        }
        for (String op : LEVELS.get(level)) {
            boolean doubled = op.length() == 1 && "|&<>".indexOf(op.charAt(0)) >= 0
                    && pos + 1 < text.length() && "|&<>=".indexOf(text.charAt(pos + 1)) >= 0;
            if (text.startsWith(op, pos) && !doubled && !(op.length() == 1 && text.startsWith(op + "=", pos))) {
                return op;
            }
        }
        return null;
    }

    private long unary() {
        if (atEnd()) {
            throw syntaxError();
        }
        char c = text.charAt(pos);
        if (text.startsWith("++", pos) || text.startsWith("--", pos)) {
            int start = pos;
            pos += 2;
            String name = name();
            if (name != null) {
                long value = variable(name) + (c == '+' ? 1 : -1);
                state.set(name, Long.toString(value));
                skipSpaces();
                return value;
            }
            pos = start;
        }
        if ("-+!~".indexOf(c) >= 0) {
            pos++;
            long value = unary();
            return switch (c) {
                case '-' -> -value;
                case '!' -> value == 0 ? 1 : 0;
                case '~' -> ~value;
                default -> value;
            };
        }
        if (c == '(') {
            pos++;
            long value = assignment();
            expect(')');
            return value;
        }
        if (Character.isDigit(c)) {
            int start = pos;
            while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
                pos++;
            }
            long value = ArithmeticOperators.number(text.substring(start, pos));
            skipSpaces();
            return value;
        }
        String name = name();
        if (name == null) {
            throw syntaxError();
        }
        skipSpaces();
        long value = variable(name);
        if (text.startsWith("++", pos) || text.startsWith("--", pos)) {
            state.set(name, Long.toString(value + (text.charAt(pos) == '+' ? 1 : -1)));
            pos += 2;
            skipSpaces();
        }
        return value;
    }

    private long variable(String name) {
        String value = state.get(name);
        return value == null || value.isBlank() ? 0 : evaluate(value, state, depth + 1);
    }

    private String name() {
        skipSpaces();
        int start = pos;
        if (pos < text.length() && ExpansionLexer.isNameStart(text.charAt(pos))) {
            while (pos < text.length() && ExpansionLexer.isNameChar(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos);
        }
        return null;
    }

    private void expect(char c) {
        if (atEnd() || text.charAt(pos) != c) {
            throw syntaxError();
        }
        pos++;
        skipSpaces();
    }

    private boolean atEnd() {
        skipSpaces();
        return pos >= text.length();
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    static ShellControl.Fatal syntaxError() {
        return new ShellControl.Fatal("arithmetic syntax error");
    }
}
