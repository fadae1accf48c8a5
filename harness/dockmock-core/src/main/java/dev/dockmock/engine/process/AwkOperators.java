package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** awk's binary operators and built-in functions. */
final class AwkOperators {
    private static final Pattern BLANKS = Pattern.compile("[ \t\n]+");
    private static final Pattern NUMERIC = Pattern.compile("\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?\\s*");

    private AwkOperators() {
    }

    static Object apply(AwkNode.Binary binary, AwkInterpreter awk) {
        String op = binary.operator();
        if (op.equals("&&")) {
            return AwkValues.truth(awk.value(binary.left())) && AwkValues.truth(awk.value(binary.right())) ? 1.0 : 0.0;
        }
        if (op.equals("||")) {
            return AwkValues.truth(awk.value(binary.left())) || AwkValues.truth(awk.value(binary.right())) ? 1.0 : 0.0;
        }
        Object left = awk.value(binary.left());
        if (op.equals("~") || op.equals("!~")) {
            Pattern pattern = binary.right() instanceof AwkNode.Regex regex ? regex.pattern()
                    : Pattern.compile(GrepOptions.extendedToJava(AwkValues.text(awk.value(binary.right()))));
            boolean matches = pattern.matcher(AwkValues.text(left)).find();
            return matches == op.equals("~") ? 1.0 : 0.0;
        }
        Object right = awk.value(binary.right());
        switch (op) {
            case " ":
                return AwkValues.output(left) + AwkValues.output(right);
            case "+":
                return AwkValues.number(left) + AwkValues.number(right);
            case "-":
                return AwkValues.number(left) - AwkValues.number(right);
            case "*":
                return AwkValues.number(left) * AwkValues.number(right);
            case "/":
                return AwkValues.number(left) / AwkValues.number(right);
            case "%":
                return AwkValues.number(left) % AwkValues.number(right);
            default:
                return compare(op, left, right) ? 1.0 : 0.0;
        }
    }

    /** Numbers (and strings that look like numbers, as fields do) compare as numbers; the rest as strings. */
    private static boolean compare(String op, Object left, Object right) {
        int order = numeric(left) && numeric(right)
                ? Double.compare(AwkValues.number(left), AwkValues.number(right))
                : AwkValues.output(left).compareTo(AwkValues.output(right));
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

    /** {@code x = e}, {@code x op= e}, {@code x++}: stores the new value; gives it (the old one for a postfix). */
    static Object assign(AwkNode.Assign assign, AwkInterpreter awk) {
        Object old = awk.value(assign.target());
        Object result = switch (assign.operator()) {
            case "=" -> awk.value(assign.value());
            case "+=" -> AwkValues.number(old) + AwkValues.number(awk.value(assign.value()));
            case "-=" -> AwkValues.number(old) - AwkValues.number(awk.value(assign.value()));
            case "*=" -> AwkValues.number(old) * AwkValues.number(awk.value(assign.value()));
            default -> AwkValues.number(old) / AwkValues.number(awk.value(assign.value()));
        };
        awk.store(assign.target(), result);
        return assign.postfix() ? AwkValues.number(old) : result;
    }

    static Object call(AwkNode.Call call, AwkInterpreter awk) {
        List<AwkNode> args = call.arguments();
        if (call.function().equals("length") && args.size() == 1 && args.get(0) instanceof AwkNode.Variable v
                && awk.isArray(v.name())) {
            return (double) awk.array(v.name()).size();
        }
        if (call.function().equals("split")) {
            return split(args, awk);
        }
        if (call.function().equals("close") || call.function().equals("system")) {
            if (args.size() != 1) {
                throw new IllegalArgumentException("Too few arguments for builtin");
            }
            String name = AwkValues.text(awk.value(args.get(0)));
            return (double) (call.function().equals("close") ? awk.input().close(name) : awk.input().pipes().system(name));
        }
        if (AwkStringFunctions.handles(call.function())) {
            return AwkStringFunctions.call(call, awk);
        }
        String first = args.isEmpty() ? awk.record() : AwkValues.text(awk.value(args.get(0)));
        switch (call.function()) {
            case "length":
                return (double) first.length();
            case "tolower":
                return first.toLowerCase(Locale.ROOT);
            case "toupper":
                return first.toUpperCase(Locale.ROOT);
            case "index":
                return (double) (first.indexOf(AwkValues.text(awk.value(args.get(1)))) + 1);
            default: {
                int start = (int) Math.round(AwkValues.number(awk.value(args.get(1))));
                int length = args.size() > 2 ? (int) Math.round(AwkValues.number(awk.value(args.get(2)))) : Integer.MAX_VALUE;
                int from = Math.max(1, start);
                long to = Math.min(first.length() + 1L, (long) start + length);
                return from >= to ? "" : first.substring(from - 1, (int) to - 1);
            }
        }
    }

    /** {@code split(s, a [, sep])}: a's elements become the pieces, numbered from 1; gives how many. */
    private static Object split(List<AwkNode> args, AwkInterpreter awk) {
        if (args.size() < 2 || !(args.get(1) instanceof AwkNode.Variable target)) {
            throw new IllegalArgumentException("split needs a string and an array");
        }
        Object separator = args.size() > 2 && !(args.get(2) instanceof AwkNode.Regex) ? awk.value(args.get(2))
                : awk.variable("FS");
        Pattern regex = args.size() > 2 && args.get(2) instanceof AwkNode.Regex literal ? literal.pattern() : null;
        List<String> pieces = split(AwkValues.text(awk.value(args.get(0))), separator, regex);
        AwkArray array = awk.array(target.name());
        array.clear();
        for (int i = 0; i < pieces.size(); i++) {
            array.put(Integer.toString(i + 1), pieces.get(i));
        }
        return (double) pieces.size();
    }

    /**
     * Splits as awk splits records: on runs of blanks, leading and trailing ones ignored, for a
     * separator of one space; on that character for another single one; else on the regex.
     */
    static List<String> split(String text, Object separatorValue, Pattern regex) {
        String separator = AwkValues.text(separatorValue);
        boolean blanks = regex == null && separator.equals(" ");
        String trimmed = blanks ? text.strip() : text;
        if (trimmed.isEmpty()) {
            return new ArrayList<>();
        }
        Pattern by = regex != null ? regex : blanks ? BLANKS : separator.length() == 1 ? Pattern.compile(Pattern.quote(separator))
                : Pattern.compile(GrepOptions.extendedToJava(separator));
        return new ArrayList<>(List.of(by.split(trimmed, blanks ? 0 : -1)));
    }
}
