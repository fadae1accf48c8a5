package dev.dockmock.engine.process;

/** The arithmetic of {@code $((...))}: C's operators on 64-bit integers, and its number literals. */
final class ArithmeticOperators {

    private ArithmeticOperators() {
    }

    /** A decimal, {@code 0x} hexadecimal or {@code 0} octal literal. */
    static long number(String digits) {
        try {
            if (digits.startsWith("0x") || digits.startsWith("0X")) {
                return Long.parseUnsignedLong(digits.substring(2), 16);
            }
            return digits.length() > 1 && digits.startsWith("0") ? Long.parseLong(digits, 8) : Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw ArithmeticEvaluator.syntaxError();
        }
    }

    static long apply(String op, long left, long right) {
        return switch (op) {
            case "||" -> left != 0 || right != 0 ? 1 : 0;
            case "&&" -> left != 0 && right != 0 ? 1 : 0;
            case "|" -> left | right;
            case "^" -> left ^ right;
            case "&" -> left & right;
            case "==" -> left == right ? 1 : 0;
            case "!=" -> left != right ? 1 : 0;
            case "<=" -> left <= right ? 1 : 0;
            case ">=" -> left >= right ? 1 : 0;
            case "<" -> left < right ? 1 : 0;
            case ">" -> left > right ? 1 : 0;
            case "<<" -> left << right;
            case ">>" -> left >> right;
            case "+" -> left + right;
            case "-" -> left - right;
            case "*" -> left * right;
            default -> divide(op, left, right);
        };
    }

    private static long divide(String op, long left, long right) {
        if (right == 0) {
            throw new ShellControl.Fatal("divide by zero");
        }
        return op.equals("/") ? left / right : left % right;
    }
}
