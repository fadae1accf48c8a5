package dev.dockmock.engine.process;

/**
 * Reads a braced parameter expansion after {@code ${}: {@code ${#name}}, {@code ${name}},
 * {@code ${name/pattern/replacement}}, {@code ${name:offset:length}} and the operators
 * {@code :- := :+ :? ## %% - = + ? # %}, with ash's complaints about a bad or unclosed one.
 */
final class BracedParameterLexer {

    private BracedParameterLexer() {
    }

    /** After {@code ${}: the parameter expansion up to its closing brace. */
    static WordPart braced(CharCursor in) throws ShellSyntaxError {
        char afterHash = in.peek(1);
        if (in.peek() == '#' && afterHash != '}' && (ExpansionLexer.isNameStart(afterHash) || WordLexer.isSpecialParameter(afterHash))) {
            in.next();
            String name = parameterName(in);
            closeBrace(in);
            return new WordPart.Length(name);
        }
        String name = parameterName(in);
        if (in.peek() == '}') {
            in.next();
            return new WordPart.Parameter(name, null, null);
        }
        if (in.peek() == '/') {
            in.next();
            boolean all = in.skip("/");
            Word pattern = new Word(WordLexer.readParts(in, WordLexer.Mode.BRACE_PATTERN));
            Word replacement = in.skip("/") ? new Word(WordLexer.readParts(in, WordLexer.Mode.BRACE)) : Word.literal("");
            in.next();
            return new WordPart.Replace(name, all, pattern, replacement);
        }
        if (in.peek() == ':' && "-=+?".indexOf(in.peek(1)) < 0) {
            in.next();
            Word offset = new Word(WordLexer.readParts(in, WordLexer.Mode.BRACE_OFFSET));
            Word length = in.skip(":") ? new Word(WordLexer.readParts(in, WordLexer.Mode.BRACE)) : null;
            in.next();
            return new WordPart.Substring(name, offset, length);
        }
        String operator = operator(in);
        Word argument = new Word(WordLexer.readParts(in, WordLexer.Mode.BRACE));
        in.next();
        return new WordPart.Parameter(name, operator, argument);
    }

    private static String operator(CharCursor in) throws ShellSyntaxError {
        for (String operator : new String[] {":-", ":=", ":+", ":?", "##", "%%", "-", "=", "+", "?", "#", "%"}) {
            if (in.skip(operator)) {
                return operator;
            }
        }
        throw in.atEnd() ? new ShellSyntaxError("missing '}'", true) : new ShellSyntaxError("bad substitution", false);
    }

    private static String parameterName(CharCursor in) throws ShellSyntaxError {
        char c = in.peek();
        if (ExpansionLexer.isNameStart(c)) {
            return ExpansionLexer.name(in);
        }
        if (Character.isDigit(c)) {
            StringBuilder digits = new StringBuilder();
            while (Character.isDigit(in.peek())) {
                digits.append(in.next());
            }
            return digits.toString();
        }
        if (WordLexer.isSpecialParameter(c)) {
            return String.valueOf(in.next());
        }
        throw in.atEnd() ? new ShellSyntaxError("missing '}'", true) : new ShellSyntaxError("bad substitution", false);
    }

    private static void closeBrace(CharCursor in) throws ShellSyntaxError {
        if (in.peek() != '}') {
            throw in.atEnd() ? new ShellSyntaxError("missing '}'", true) : new ShellSyntaxError("bad substitution", false);
        }
        in.next();
    }
}
