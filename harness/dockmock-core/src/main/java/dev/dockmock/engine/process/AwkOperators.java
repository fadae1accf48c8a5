package dev.dockmock.engine.process;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** awk's binary operators and built-in functions. */
final class AwkOperators {
    private static final Pattern NUMERIC = Pattern.compile("\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?\\s*");

    private AwkOperators() {
    }

    static Object apply(AwkNode.Binary binary, AwkInterpreter awk) {
        String op = binary.operator();
        if (op.equals("&&")) {
            return AwkInterpreter.truth(awk.value(binary.left())) && AwkInterpreter.truth(awk.value(binary.right())) ? 1.0 : 0.0;
        }
        if (op.equals("||")) {
            return AwkInterpreter.truth(awk.value(binary.left())) || AwkInterpreter.truth(awk.value(binary.right())) ? 1.0 : 0.0;
        }
        Object left = awk.value(binary.left());
        if (op.equals("~") || op.equals("!~")) {
            Pattern pattern = binary.right() instanceof AwkNode.Regex regex ? regex.pattern()
                    : Pattern.compile(GrepOptions.extendedToJava(AwkInterpreter.text(awk.value(binary.right()))));
            boolean matches = pattern.matcher(AwkInterpreter.text(left)).find();
            return matches == op.equals("~") ? 1.0 : 0.0;
        }
        Object right = awk.value(binary.right());
        switch (op) {
            case " ":
                return AwkInterpreter.output(left) + AwkInterpreter.output(right);
            case "+":
                return AwkInterpreter.number(left) + AwkInterpreter.number(right);
            case "-":
                return AwkInterpreter.number(left) - AwkInterpreter.number(right);
            case "*":
                return AwkInterpreter.number(left) * AwkInterpreter.number(right);
            case "/":
                return AwkInterpreter.number(left) / AwkInterpreter.number(right);
            case "%":
                return AwkInterpreter.number(left) % AwkInterpreter.number(right);
            default:
                return compare(op, left, right) ? 1.0 : 0.0;
        }
    }

    /** Numbers (and strings that look like numbers, as fields do) compare as numbers; the rest as strings. */
    private static boolean compare(String op, Object left, Object right) {
        int order = numeric(left) && numeric(right)
                ? Double.compare(AwkInterpreter.number(left), AwkInterpreter.number(right))
                : AwkInterpreter.output(left).compareTo(AwkInterpreter.output(right));
        return switch (op) {
            case "==" -> order == 0;
            case "!=" -> order != 0;
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
    }

    private static boolean numeric(Object value) {
        return value instanceof Double || NUMERIC.matcher(String.valueOf(value)).matches();
    }

    static Object call(AwkNode.Call call, AwkInterpreter awk) {
        List<AwkNode> args = call.arguments();
        String first = args.isEmpty() ? awk.record() : AwkInterpreter.text(awk.value(args.get(0)));
        switch (call.function()) {
            case "length":
                return (double) first.length();
            case "tolower":
                return first.toLowerCase(Locale.ROOT);
            case "toupper":
                return first.toUpperCase(Locale.ROOT);
            case "index":
                return (double) (first.indexOf(AwkInterpreter.text(awk.value(args.get(1)))) + 1);
            default: {
                int start = (int) Math.round(AwkInterpreter.number(awk.value(args.get(1))));
                int length = args.size() > 2 ? (int) Math.round(AwkInterpreter.number(awk.value(args.get(2)))) : Integer.MAX_VALUE;
                int from = Math.max(1, start);
                long to = Math.min(first.length() + 1L, (long) start + length);
                return from >= to ? "" : first.substring(from - 1, (int) to - 1);
            }
        }
    }
}
