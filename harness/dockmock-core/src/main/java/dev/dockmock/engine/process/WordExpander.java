package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands words: parameters, command substitution, arithmetic, then field splitting of unquoted
 * results on {@code IFS}. There is no pathname expansion: with no filesystem, {@code *} stays
 * literal, as it does in a shell when nothing matches.
 */
final class WordExpander {

    /** Runs a command substitution's commands in a subshell and returns their stdout. */
    @FunctionalInterface
    interface Substituter {
        String capture(ShellNode body) throws InterruptedException;
    }

    /** Receives expanded text; each kind of expansion (fields, one string, pattern) builds its own. */
    interface Emitter {
        /**
         * @param quoted whether the text was quoted (never split; escaped in patterns)
         * @param expanded whether it came from an expansion (only that is split)
         */
        void text(String text, boolean quoted, boolean expanded);

        /** {@code "$@"}: one field per positional parameter. */
        void fields(List<String> values);
    }

    private final ShellState state;
    private final Substituter substituter;

    WordExpander(ShellState state, Substituter substituter) {
        this.state = state;
        this.substituter = substituter;
    }

    /** Command words: each may become zero or more fields. */
    List<String> fields(List<Word> words) throws InterruptedException {
        List<String> fields = new ArrayList<>();
        for (Word word : words) {
            FieldSplitter splitter = new FieldSplitter(ifs(), fields);
            expand(word.parts(), false, splitter, true);
            splitter.finish();
        }
        return fields;
    }

    /** One string, not split: assignments, redirection targets, {@code case} subjects. */
    String single(Word word) throws InterruptedException {
        StringBuilder text = new StringBuilder();
        expand(word.parts(), false, new Emitter() {
            @Override
            public void text(String value, boolean quoted, boolean expanded) {
                text.append(value);
            }

            @Override
            public void fields(List<String> values) {
                text.append(String.join(" ", values));
            }
        }, true);
        return text.toString();
    }

    /** A glob pattern, quoted parts escaped so that they match literally. */
    String pattern(Word word) throws InterruptedException {
        StringBuilder text = new StringBuilder();
        expand(word.parts(), false, new Emitter() {
            @Override
            public void text(String value, boolean quoted, boolean expanded) {
                text.append(quoted ? Patterns.quote(value) : value);
            }

            @Override
            public void fields(List<String> values) {
                text.append(Patterns.quote(String.join(" ", values)));
            }
        }, false);
        return text.toString();
    }

    private void expand(List<WordPart> parts, boolean inQuotes, Emitter out, boolean tilde) throws InterruptedException {
        for (int i = 0; i < parts.size(); i++) {
            WordPart part = parts.get(i);
            if (part instanceof WordPart.Literal literal) {
                String text = literal.text();
                if (i == 0 && tilde && !literal.quoted() && !inQuotes && (text.equals("~") || text.startsWith("~/"))) {
                    String home = state.get("HOME");
                    text = (home == null ? "/root" : home) + text.substring(1);
                }
                out.text(text, literal.quoted() || inQuotes, false);
            } else if (part instanceof WordPart.DoubleQuoted quoted) {
                if (!isQuotedAt(quoted)) {
                    out.text("", true, false);
                }
                expand(quoted.parts(), true, out, false);
            } else if (part instanceof WordPart.Parameter parameter) {
                parameter(parameter, inQuotes, out);
            } else if (part instanceof WordPart.Substring substring) {
                out.text(new ParameterValues(state, this).substring(substring), inQuotes, true);
            } else if (part instanceof WordPart.Replace replace) {
                out.text(new ParameterValues(state, this).replace(replace), inQuotes, true);
            } else if (part instanceof WordPart.Length length) {
                String value = ParameterValues.lookup(state, length.name());
                int count = length.name().equals("@") || length.name().equals("*") ? state.positional.size()
                        : value == null ? 0 : value.length();
                out.text(Integer.toString(count), inQuotes, true);
            } else if (part instanceof WordPart.CommandSubstitution substitution) {
                String output = substituter.capture(substitution.body());
                out.text(output.replaceAll("\n+$", ""), inQuotes, true);
            } else if (part instanceof WordPart.ArithmeticExpansion arithmetic) {
                long value = ArithmeticEvaluator.evaluate(single(arithmetic.expression()), state);
                out.text(Long.toString(value), inQuotes, true);
            }
        }
    }

    private void parameter(WordPart.Parameter parameter, boolean inQuotes, Emitter out) throws InterruptedException {
        String name = parameter.name();
        if (parameter.operator() == null && (name.equals("@") || name.equals("*"))) {
            if (inQuotes && name.equals("@")) {
                out.fields(state.positional);
            } else {
                String separator = inQuotes ? ifs().isEmpty() ? "" : ifs().substring(0, 1) : " ";
                out.text(String.join(separator, state.positional), inQuotes, true);
            }
            return;
        }
        out.text(new ParameterValues(state, this).value(parameter), inQuotes, true);
    }

    /** {@code "$@"} alone, which makes no field at all when there are no positional parameters. */
    private static boolean isQuotedAt(WordPart.DoubleQuoted quoted) {
        return quoted.parts().size() == 1 && quoted.parts().get(0) instanceof WordPart.Parameter parameter
                && parameter.name().equals("@") && parameter.operator() == null;
    }

    String ifs() {
        String ifs = state.get("IFS");
        return ifs == null ? " \t\n" : ifs;
    }
}
