package dev.dockmock.engine.process;

/**
 * A here-document's body. The redirection is parsed before its body, which starts on the next
 * line, so the lexer fills the body in when it reaches the end of that line.
 */
final class HereDoc {
    private final String delimiter;
    private final boolean quoted;
    private final boolean stripTabs;
    private Word body;

    HereDoc(String delimiter, boolean quoted, boolean stripTabs) {
        this.delimiter = delimiter;
        this.quoted = quoted;
        this.stripTabs = stripTabs;
    }

    String delimiter() {
        return delimiter;
    }

    /** Whether the delimiter was quoted: then the body is taken literally, without expansions. */
    boolean quoted() {
        return quoted;
    }

    /** {@code <<-}: leading tabs are removed from each line. */
    boolean stripTabs() {
        return stripTabs;
    }

    Word body() {
        return body;
    }

    void body(Word text) {
        this.body = text;
    }
}
