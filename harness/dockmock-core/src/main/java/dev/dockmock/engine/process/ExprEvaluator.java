package dev.dockmock.engine.process;

import java.util.List;

/** Evaluates {@code expr}'s arguments by precedence: {@code |}, {@code &}, comparisons, {@code + -}, {@code * / %}. */
final class ExprEvaluator {
    private final List<String> tokens;
    private int at;

    ExprEvaluator(List<String> tokens) {
        this.tokens = tokens;
    }

    /** The result as expr prints it; IllegalArgumentException with busybox's message when it cannot. */
    String evaluate() {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("syntax error");
        }
        String value = or();
        if (at != tokens.size()) {
            throw new IllegalArgumentException("syntax error");
        }
        return value;
    }

    private String or() {
        String left = and();
        while (accept("|")) {
            String right = and();
            left = isNull(left) ? (isNull(right) ? "0" : right) : left;
        }
        return left;
    }

    private String and() {
        String left = comparison();
        while (accept("&")) {
            String right = comparison();
            left = isNull(left) || isNull(right) ? "0" : left;
        }
        return left;
    }

    private String comparison() {
        String left = sum();
        while (at < tokens.size() && List.of("=", "==", "!=", "<", "<=", ">", ">=").contains(tokens.get(at))) {
            String op = tokens.get(at++);
            String right = sum();
            int order = isInteger(left) && isInteger(right) ? Long.compare(Long.parseLong(left), Long.parseLong(right))
                    : left.compareTo(right);
            boolean holds = switch (op) {
                case "=", "==" -> order == 0;
                case "!=" -> order != 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                default -> order >= 0;
            };
            left = holds ? "1" : "0";
        }
        return left;
    }

    private String sum() {
        String left = product();
        while (at < tokens.size() && (tokens.get(at).equals("+") || tokens.get(at).equals("-"))) {
            boolean plus = tokens.get(at++).equals("+");
            long right = number(product());
            left = String.valueOf(plus ? number(left) + right : number(left) - right);
        }
        return left;
    }

    private String product() {
        String left = primary();
        while (at < tokens.size() && List.of("*", "/", "%").contains(tokens.get(at))) {
            String op = tokens.get(at++);
            long right = number(primary());
            if (!op.equals("*") && right == 0) {
                throw new IllegalArgumentException("division by zero");
            }
            long value = number(left);
            left = String.valueOf(op.equals("*") ? value * right : op.equals("/") ? value / right : value % right);
        }
        return left;
    }

    private String primary() {
        if (at >= tokens.size()) {
            throw new IllegalArgumentException("syntax error");
        }
        String token = tokens.get(at++);
        if (token.equals("(")) {
            String value = or();
            if (!accept(")")) {
                throw new IllegalArgumentException("syntax error");
            }
            return value;
        }
        if (token.equals("length") && at < tokens.size()) {
            return String.valueOf(tokens.get(at++).length());
        }
        return token;
    }

    private boolean accept(String token) {
        if (at < tokens.size() && tokens.get(at).equals(token)) {
            at++;
            return true;
        }
        return false;
    }

    private static long number(String text) {
        if (!isInteger(text)) {
            throw new IllegalArgumentException("non-numeric argument");
        }
        return Long.parseLong(text);
    }

    private static boolean isInteger(String text) {
        return text.matches("-?[0-9]+");
    }

    private static boolean isNull(String value) {
        return value.isEmpty() || value.equals("0");
    }
}
