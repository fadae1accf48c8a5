package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;

/** Reads the parts of one word: quotes, backslashes and {@code $} expansions. */
final class WordLexer {

    /** Where the characters are: each context quotes and ends words differently. */
    enum Mode {
        /** A word on a command line: ends at a blank or an operator character. */
        UNQUOTED,
        /** Inside {@code "..."}. */
        DOUBLE_QUOTED,
        /** The argument of {@code ${name-word}}: ends at {@code }}. */
        BRACE,
        /** The pattern of {@code ${name/pattern/word}}: ends at {@code /} or {@code }}. */
        BRACE_PATTERN,
        /** The offset of {@code ${name:offset:length}}: ends at {@code :} or {@code }}. */
        BRACE_OFFSET,
        /** A here-document body or an arithmetic expression: all text, quotes are literal. */
        TEXT
    }

    private static final String SPECIAL_PARAMETERS = "?$#@*!-0123456789";

    private WordLexer() {
    }

    static Word readWord(CharCursor in) throws ShellSyntaxError {
        return new Word(readParts(in, Mode.UNQUOTED));
    }

    /** All of {@code text} in {@link Mode#TEXT}. */
    static Word readText(String text) throws ShellSyntaxError {
        return new Word(readParts(new CharCursor(text, false), Mode.TEXT));
    }

    static boolean endsWord(char c) {
        return c == ' ' || c == '\t' || c == '\n' || "|&;<>()".indexOf(c) >= 0;
    }

    static List<WordPart> readParts(CharCursor in, Mode mode) throws ShellSyntaxError {
        PartsBuilder out = new PartsBuilder();
        boolean quotedText = mode == Mode.DOUBLE_QUOTED || mode == Mode.TEXT;
        boolean brace = mode == Mode.BRACE || mode == Mode.BRACE_PATTERN || mode == Mode.BRACE_OFFSET;
        boolean quotesWork = mode == Mode.UNQUOTED || brace;
        while (!in.atEnd()) {
            char c = in.peek();
            if (mode == Mode.UNQUOTED && endsWord(c) || brace && c == '}'
                    || mode == Mode.BRACE_PATTERN && c == '/' || mode == Mode.BRACE_OFFSET && c == ':') {
                return out.parts();
            }
            in.next();
            if (mode == Mode.DOUBLE_QUOTED && c == '"') {
                return out.parts();
            } else if (c == '\\') {
                backslash(in, mode, out);
            } else if (c == '\'' && quotesWork) {
                out.literal(singleQuoted(in), true);
            } else if (c == '"' && quotesWork) {
                out.add(new WordPart.DoubleQuoted(readParts(in, Mode.DOUBLE_QUOTED)));
            } else if (c == '$' && in.peek() == '\'' && quotesWork) {
                in.next();
                out.literal(ExpansionLexer.dollarSingleQuoted(in), true);
            } else if (c == '$') {
                ExpansionLexer.dollar(in, out, quotedText);
            } else if (c == '`') {
                out.add(ExpansionLexer.backquote(in, mode == Mode.DOUBLE_QUOTED));
            } else {
                out.literal(String.valueOf(c), quotedText);
            }
        }
        if (mode == Mode.DOUBLE_QUOTED) {
            throw new ShellSyntaxError("unterminated quoted string", true);
        }
        if (brace) {
            throw new ShellSyntaxError("missing '}'", true);
        }
        return out.parts();
    }

    private static void backslash(CharCursor in, Mode mode, PartsBuilder out) {
        if (in.atEnd()) {
            out.literal("\\", true);
            return;
        }
        char c = in.peek();
        if (c == '\n') {
            in.next();
            return;
        }
        if (mode != Mode.DOUBLE_QUOTED && mode != Mode.TEXT) {
            out.literal(String.valueOf(in.next()), true);
        } else if ("$`\\".indexOf(c) >= 0 || c == '"' && mode == Mode.DOUBLE_QUOTED) {
            out.literal(String.valueOf(in.next()), true);
        } else {
            out.literal("\\", true);
        }
    }

    private static String singleQuoted(CharCursor in) throws ShellSyntaxError {
        StringBuilder text = new StringBuilder();
        while (!in.atEnd()) {
            char c = in.next();
            if (c == '\'') {
                return text.toString();
            }
            text.append(c);
        }
        throw new ShellSyntaxError("unterminated quoted string", true);
    }

    static boolean isSpecialParameter(char c) {
        return c != 0 && SPECIAL_PARAMETERS.indexOf(c) >= 0;
    }

    /** Collects parts, merging neighbouring literal characters of the same quoting. */
    static final class PartsBuilder {
        private final List<WordPart> parts = new ArrayList<>();
        private final StringBuilder literal = new StringBuilder();
        private boolean literalQuoted;
        private boolean hasLiteral;

        void literal(String text, boolean quoted) {
            if (hasLiteral && quoted != literalQuoted) {
                flush();
            }
            literal.append(text);
            literalQuoted = quoted;
            hasLiteral = true;
        }

        void add(WordPart part) {
            flush();
            parts.add(part);
        }

        List<WordPart> parts() {
            flush();
            return parts;
        }

        private void flush() {
            if (hasLiteral) {
                parts.add(new WordPart.Literal(literal.toString(), literalQuoted));
                literal.setLength(0);
                hasLiteral = false;
            }
        }
    }
}
