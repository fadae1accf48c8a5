package dev.dockmock.engine.process;

import java.util.regex.Pattern;

/** The value of {@code $name} and {@code ${name<operator>word}}. */
final class ParameterValues {
    private final ShellState state;
    private final WordExpander expander;

    ParameterValues(ShellState state, WordExpander expander) {
        this.state = state;
        this.expander = expander;
    }

    /** A parameter's value, or {@code null} when it is unset. */
    static String lookup(ShellState state, String name) {
        switch (name) {
            case "?":
                return Integer.toString(state.status);
            case "$":
                return "1";
            case "#":
                return Integer.toString(state.positional.size());
            case "!":
                int pid = state.jobs.lastPid();
                return pid == 0 ? null : Integer.toString(pid);
            case "-":
                return state.flags();
            case "0":
                return state.dollarZero;
            case "@":
            case "*":
                return String.join(" ", state.positional);
            default:
                if (Character.isDigit(name.charAt(0))) {
                    int index = Integer.parseInt(name);
                    return index <= state.positional.size() ? state.positional.get(index - 1) : null;
                }
                return state.get(name);
        }
    }

    /** {@code ${name:offset:length}}: a negative offset counts from the end, a negative length too. */
    String substring(WordPart.Substring substring) throws InterruptedException {
        String value = lookup(state, substring.name());
        value = value == null ? "" : value;
        long offset = ArithmeticEvaluator.evaluate(expander.single(substring.offset()), state);
        int start = (int) Math.max(0, Math.min(value.length(), offset < 0 ? value.length() + offset : offset));
        int end = value.length();
        if (substring.length() != null) {
            long length = ArithmeticEvaluator.evaluate(expander.single(substring.length()), state);
            end = (int) (length < 0 ? Math.max(start, value.length() + length) : Math.min(value.length(), start + length));
        }
        return value.substring(start, end);
    }

    /** {@code ${name/pattern/replacement}}: the longest match at the first (or each) place it matches. */
    String replace(WordPart.Replace replace) throws InterruptedException {
        String value = lookup(state, replace.name());
        value = value == null ? "" : value;
        String pattern = expander.pattern(replace.pattern());
        String replacement = expander.single(replace.replacement());
        boolean anchorStart = pattern.startsWith("#");
        boolean anchorEnd = pattern.startsWith("%");
        if (anchorStart || anchorEnd) {
            pattern = pattern.substring(1);
        }
        Pattern regex = Patterns.regex(pattern);
        StringBuilder out = new StringBuilder();
        int i = 0;
        boolean replaced = false;
        while (i <= value.length()) {
            int end = -1;
            if ((!replaced || replace.all()) && (!anchorStart || i == 0)) {
                for (int j = value.length(); j > i; j--) {
                    if ((!anchorEnd || j == value.length()) && regex.matcher(value.substring(i, j)).matches()) {
                        end = j;
                        break;
                    }
                }
            }
            if (end > 0) {
                out.append(replacement);
                replaced = true;
                i = end;
            } else {
                if (i < value.length()) {
                    out.append(value.charAt(i));
                }
                i++;
            }
        }
        return out.toString();
    }

    String value(WordPart.Parameter parameter) throws InterruptedException {
        String name = parameter.name();
        String value = lookup(state, name);
        String operator = parameter.operator();
        if (operator == null) {
            return value == null ? "" : value;
        }
        boolean missing = value == null || operator.startsWith(":") && value.isEmpty();
        switch (operator) {
            case ":-":
            case "-":
                return missing ? expander.single(parameter.argument()) : value;
            case ":=":
            case "=":
                if (!missing) {
                    return value;
                }
                if (!ExpansionLexer.isName(name)) {
                    throw new ShellControl.Fatal("$" + name + ": cannot assign in this way");
                }
                String assigned = expander.single(parameter.argument());
                state.set(name, assigned);
                return assigned;
            case ":+":
            case "+":
                return missing ? "" : expander.single(parameter.argument());
            case ":?":
            case "?":
                if (!missing) {
                    return value;
                }
                String message = expander.single(parameter.argument());
                if (message.isEmpty()) {
                    message = operator.startsWith(":") ? "parameter not set or null" : "parameter not set";
                }
                throw new ShellControl.Fatal(name + ": " + message);
            default:
                return Patterns.remove(value == null ? "" : value, expander.pattern(parameter.argument()), operator);
        }
    }
}
