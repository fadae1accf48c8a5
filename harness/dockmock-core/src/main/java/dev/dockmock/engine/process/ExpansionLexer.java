package dev.dockmock.engine.process;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Reads what follows a {@code $} or a backquote into a {@link WordPart}. */
final class ExpansionLexer {

    private ExpansionLexer() {
    }

    /** After a {@code $}: an expansion, or a literal dollar sign when none follows. */
    static void dollar(CharCursor in, WordLexer.PartsBuilder out, boolean quoted) throws ShellSyntaxError {
        char c = in.peek();
        if (in.startsWith("((")) {
            in.skip("((");
            out.add(new WordPart.ArithmeticExpansion(WordLexer.readText(arithmetic(in))));
        } else if (c == '(') {
            in.next();
            out.add(new WordPart.CommandSubstitution(ShellParser.parseScript(balanced(in))));
        } else if (c == '{') {
            in.next();
            out.add(BracedParameterLexer.braced(in));
        } else if (isNameStart(c)) {
            out.add(new WordPart.Parameter(name(in), null, null));
        } else if (WordLexer.isSpecialParameter(c)) {
            out.add(new WordPart.Parameter(String.valueOf(in.next()), null, null));
        } else {
            out.literal("$", quoted);
        }
    }

    /** After {@code $'}: bash's quoting with C escapes ({@code $'a\tb'}), which ash also has. */
    static String dollarSingleQuoted(CharCursor in) throws ShellSyntaxError {
        StringBuilder raw = new StringBuilder();
        while (!in.atEnd()) {
            char c = in.next();
            if (c == '\'') {
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                Escapes.append(raw.toString(), false, text);
                return text.toString(StandardCharsets.UTF_8);
            }
            raw.append(c);
            if (c == '\\' && !in.atEnd()) {
                raw.append(in.next());
            }
        }
        throw new ShellSyntaxError("unterminated quoted string", true);
    }

    /** After a backquote: the command substitution up to the closing one. */
    static WordPart backquote(CharCursor in, boolean inDoubleQuotes) throws ShellSyntaxError {
        StringBuilder script = new StringBuilder();
        while (true) {
            if (in.atEnd()) {
                throw new ShellSyntaxError("EOF in backquote substitution", true);
            }
            char c = in.next();
            if (c == '`') {
                return new WordPart.CommandSubstitution(ShellParser.parseScript(script.toString()));
            }
            if (c == '\\' && !in.atEnd()) {
                char escaped = in.peek();
                if ("$`\\".indexOf(escaped) >= 0 || escaped == '"' && inDoubleQuotes) {
                    c = in.next();
                }
            }
            script.append(c);
        }
    }

    /** The text of {@code $(...)} up to its matching parenthesis, skipping quoted parentheses. */
    private static String balanced(CharCursor in) throws ShellSyntaxError {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (!in.atEnd()) {
            char c = in.next();
            if (c == '\\' && !in.atEnd()) {
                text.append(c).append(in.next());
                continue;
            }
            if (c == '\'' || c == '"') {
                text.append(c);
                while (!in.atEnd() && in.peek() != c) {
                    char inner = in.next();
                    text.append(inner);
                    if (inner == '\\' && c == '"' && !in.atEnd()) {
                        text.append(in.next());
                    }
                }
                if (in.atEnd()) {
                    break;
                }
                c = in.next();
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return text.toString();
            }
            text.append(c);
        }
        throw new ShellSyntaxError("unexpected end of file (expecting \")\")", true);
    }

    /** The text of {@code $((...))} up to the closing {@code ))}. */
    private static String arithmetic(CharCursor in) throws ShellSyntaxError {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        while (!in.atEnd()) {
            char c = in.next();
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    if (in.peek() == ')') {
                        in.next();
                        return text.toString();
                    }
                    throw new ShellSyntaxError("unexpected \")\"", false);
                }
                depth--;
            }
            text.append(c);
        }
        throw new ShellSyntaxError("unexpected end of file (expecting \"))\")", true);
    }

    static boolean isNameStart(char c) {
        return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    static boolean isNameChar(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }

    /** A name as far as it goes ({@code [A-Za-z_][A-Za-z0-9_]*}); empty when none starts here. */
    static String name(CharCursor in) {
        StringBuilder name = new StringBuilder();
        while (isNameChar(in.peek())) {
            name.append(in.next());
        }
        return name.toString();
    }

    static boolean isName(String text) {
        if (text == null || text.isEmpty() || !isNameStart(text.charAt(0))) {
            return false;
        }
        return text.chars().allMatch(c -> isNameChar((char) c));
    }
}
