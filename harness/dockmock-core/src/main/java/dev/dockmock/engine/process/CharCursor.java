package dev.dockmock.engine.process;

/** A position in shell source text, counting lines for error messages. */
final class CharCursor {
    private final String text;
    private final boolean partial;
    private int pos;
    private int line;

    /**
     * @param partial whether more text may follow (a shell reading stdin line by line): then
     *     running out of text inside a construct means "incomplete", not "wrong"
     */
    CharCursor(String text, boolean partial) {
        this.text = text;
        this.partial = partial;
        this.line = 1;
    }

    boolean partial() {
        return partial;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    /** The next character, or {@code '\0'} at the end. */
    char peek() {
        return peek(0);
    }

    char peek(int ahead) {
        int at = pos + ahead;
        return at < text.length() ? text.charAt(at) : '\0';
    }

    char next() {
        char c = text.charAt(pos++);
        if (c == '\n') {
            line++;
        }
        return c;
    }

    boolean startsWith(String prefix) {
        return text.startsWith(prefix, pos);
    }

    /** Consumes {@code prefix} when the text continues with it. */
    boolean skip(String prefix) {
        if (!startsWith(prefix)) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            next();
        }
        return true;
    }

    int position() {
        return pos;
    }

    int line() {
        return line;
    }
}
