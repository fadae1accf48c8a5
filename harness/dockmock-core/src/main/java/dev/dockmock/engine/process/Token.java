package dev.dockmock.engine.process;

import java.util.Set;

/**
 * A lexical token.
 *
 * @param text the operator ({@code &&}, {@code >&}), or the word's source for messages
 * @param word the word, for {@link Type#WORD} only
 * @param fd the descriptor number written before a redirection operator, or -1
 */
record Token(Type type, String text, Word word, int fd, int line) {

    enum Type { WORD, OPERATOR, NEWLINE, EOF }

    static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "fi", "do", "done", "case", "esac",
            "while", "until", "for", "in", "{", "}", "!", "function");

    boolean isOperator(String operator) {
        return type == Type.OPERATOR && text.equals(operator);
    }

    boolean isRedirection() {
        return type == Type.OPERATOR && (text.startsWith("<") || text.startsWith(">") || text.equals("&>"));
    }

    /** Whether this is the reserved word {@code keyword} (only an unquoted word can be one). */
    boolean isKeyword(String keyword) {
        return type == Type.WORD && keyword.equals(word.plainText());
    }

    /** How busybox ash names the token in {@code unexpected ...} messages. */
    String describe() {
        return switch (type) {
            case EOF -> "end of file";
            case NEWLINE -> "newline";
            case OPERATOR -> '"' + text + '"';
            case WORD -> word.plainText() != null && KEYWORDS.contains(word.plainText()) ? '"' + word.plainText() + '"'
                    : "word";
        };
    }
}
