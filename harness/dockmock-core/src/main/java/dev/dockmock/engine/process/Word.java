package dev.dockmock.engine.process;

import java.util.List;

/**
 * One shell word as written, before expansion: a sequence of literal text, quoted text and
 * expansions.
 */
record Word(List<WordPart> parts) {

    Word {
        parts = List.copyOf(parts);
    }

    static Word literal(String text) {
        return new Word(List.of(new WordPart.Literal(text, false)));
    }

    /**
     * The text of a word made of unquoted literal characters only ({@code if}, {@code name}),
     * else {@code null}: quoting a keyword makes it an ordinary word.
     */
    String plainText() {
        if (parts.size() == 1 && parts.get(0) instanceof WordPart.Literal literal && !literal.quoted()) {
            return literal.text();
        }
        return null;
    }

    /** Whether any part of the word was quoted or escaped (here-document delimiters). */
    boolean hasQuoting() {
        return parts.stream().anyMatch(p -> p instanceof WordPart.DoubleQuoted
                || p instanceof WordPart.Literal literal && literal.quoted());
    }

    /** The word's characters with quoting removed and expansions left as written. */
    String unquotedSource() {
        StringBuilder text = new StringBuilder();
        for (WordPart part : parts) {
            if (part instanceof WordPart.Literal literal) {
                text.append(literal.text());
            } else if (part instanceof WordPart.DoubleQuoted quoted) {
                text.append(new Word(quoted.parts()).unquotedSource());
            } else if (part instanceof WordPart.Parameter parameter) {
                text.append('$').append(parameter.name());
            }
        }
        return text.toString();
    }
}
