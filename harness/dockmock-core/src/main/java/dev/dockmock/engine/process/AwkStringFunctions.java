package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** awk's {@code sub}, {@code gsub}, {@code match} and {@code sprintf}, as busybox's awk runs them. */
final class AwkStringFunctions {
    private AwkStringFunctions() {
    }

    /** Whether {@code function} is one of these. */
    static boolean handles(String function) {
        return switch (function) {
            case "sub", "gsub", "match", "sprintf" -> true;
            default -> false;
        };
    }

    static Object call(AwkNode.Call call, AwkInterpreter awk) {
        List<AwkNode> args = call.arguments();
        return switch (call.function()) {
            case "sprintf" -> sprintf(args, awk);
            case "match" -> match(args, awk);
            default -> substitute(args, awk, call.function().equals("gsub"));
        };
    }

    private static Object sprintf(List<AwkNode> args, AwkInterpreter awk) {
        List<String> texts = new ArrayList<>();
        for (AwkNode argument : args) {
            texts.add(AwkValues.output(awk.value(argument)));
        }
        return awk.format(texts);
    }

    /** {@code match(s, re)}: where {@code re} first matches in {@code s} (RSTART, 0 for none) and how long (RLENGTH, -1). */
    private static Object match(List<AwkNode> args, AwkInterpreter awk) {
        need(args, 2, "match");
        Matcher matcher = regex(args.get(1), awk).matcher(AwkValues.text(awk.value(args.get(0))));
        double start = matcher.find() ? matcher.start() + 1 : 0;
        awk.assign("RSTART", start);
        awk.assign("RLENGTH", start == 0 ? -1.0 : (double) (matcher.end() - matcher.start()));
        return start;
    }

    /**
     * {@code sub(re, repl [, target])} and {@code gsub}: the first (or every) match of {@code re} in
     * {@code target} ({@code $0} when absent) replaced by {@code repl}, where {@code &} stands for
     * the match and {@code \&} for a plain ampersand; gives how many were replaced.
     */
    private static Object substitute(List<AwkNode> args, AwkInterpreter awk, boolean global) {
        need(args, 2, global ? "gsub" : "sub");
        AwkNode target = args.size() > 2 ? args.get(2) : new AwkNode.Field(new AwkNode.Literal(0.0));
        String replacement = AwkValues.text(awk.value(args.get(1)));
        String text = AwkValues.text(awk.value(target));
        Matcher matcher = regex(args.get(0), awk).matcher(text);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        int count = 0;
        while (matcher.find()) {
            out.append(text, copied, matcher.start());
            appendReplacement(out, replacement, matcher.group());
            copied = matcher.end();
            count++;
            if (!global) {
                break;
            }
        }
        if (count > 0) {
            out.append(text, copied, text.length());
            awk.store(target, out.toString());
        }
        return (double) count;
    }

    private static void appendReplacement(StringBuilder out, String replacement, String matched) {
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '\\' && i + 1 < replacement.length() && (replacement.charAt(i + 1) == '&' || replacement.charAt(i + 1) == '\\')) {
                out.append(replacement.charAt(++i));
            } else if (c == '&') {
                out.append(matched);
            } else {
                out.append(c);
            }
        }
    }

    /** A regex literal as written, or any other value taken as an extended regular expression. */
    private static Pattern regex(AwkNode node, AwkInterpreter awk) {
        if (node instanceof AwkNode.Regex literal) {
            return literal.pattern();
        }
        return Pattern.compile(GrepOptions.extendedToJava(AwkValues.text(awk.value(node))));
    }

    private static void need(List<AwkNode> args, int count, String function) {
        if (args.size() < count) {
            throw new IllegalArgumentException("Too few arguments");
        }
    }
}
