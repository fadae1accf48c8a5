package dev.dockmock.engine.process;

/** Reading an awk program's text: blanks, keywords, string and regex literals. */
abstract class AwkCursor {

    /** A program outside the subset awk here knows, or malformed; the message says where. */
    static final class Bad extends Exception {
        Bad(String message) {
            super(message);
        }
    }

    final String text;
    int at;

    AwkCursor(String text) {
        this.text = text;
    }

    String string() throws Bad {
        StringBuilder value = new StringBuilder();
        at++;
        while (at < text.length() && text.charAt(at) != '"') {
            char c = text.charAt(at++);
            if (c == '\\' && at < text.length()) {
                char next = text.charAt(at++);
                value.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
            } else {
                value.append(c);
            }
        }
        expect('"');
        return value.toString();
    }

    String regex() throws Bad {
        StringBuilder value = new StringBuilder();
        at++;
        while (at < text.length() && text.charAt(at) != '/') {
            char c = text.charAt(at++);
            if (c == '\\' && at < text.length() && text.charAt(at) == '/') {
                c = text.charAt(at++);
            }
            value.append(c);
        }
        expect('/');
        return value.toString();
    }

    boolean word(String keyword) {
        skipSpace(false);
        int end = at + keyword.length();
        if (text.startsWith(keyword, at) && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
            at = end;
            return true;
        }
        return false;
    }

    void expect(char c) throws Bad {
        skipSpace(false);
        if (peek() != c) {
            throw new Bad("expected '" + c + "'");
        }
        at++;
    }

    char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    /** Skips blanks (and newlines and semicolons between rules when {@code lines}); false at the end. */
    boolean skipSpace(boolean lines) {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t' || lines && (text.charAt(at) == '\n'
                || text.charAt(at) == ';'))) {
            at++;
        }
        return at < text.length();
    }

    /** Whether the parenthesis here closes at the end of the statement: {@code print (a, b)}, not {@code print (a), b}. */
    boolean wholeArgumentList() {
        int depth = 0;
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                for (i++; i < text.length() && text.charAt(i) != '"'; i++) {
                    if (text.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                int next = i + 1;
                while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
                    next++;
                }
                return next == text.length() || ";}\n>".indexOf(text.charAt(next)) >= 0;
            }
        }
        return false;
    }
}
