package dev.dockmock.engine.process;

import java.util.List;

/** Builds the fields of one word, splitting unquoted expansion results on {@code IFS}. */
final class FieldSplitter implements WordExpander.Emitter {
    private final String ifs;
    private final List<String> fields;
    private final StringBuilder current = new StringBuilder();
    /** Whether the current field exists even if empty ({@code ""} makes one, an empty {@code $x} does not). */
    private boolean exists;

    FieldSplitter(String ifs, List<String> fields) {
        this.ifs = ifs;
        this.fields = fields;
    }

    @Override
    public void text(String text, boolean quoted, boolean expanded) {
        if (quoted || !expanded) {
            current.append(text);
            exists |= quoted || !text.isEmpty();
            return;
        }
        for (char c : text.toCharArray()) {
            if (ifs.indexOf(c) < 0) {
                current.append(c);
                exists = true;
            } else if (!Character.isWhitespace(c) || exists) {
                flush();
            }
        }
    }

    @Override
    public void fields(List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                flush();
            }
            current.append(values.get(i));
            exists = true;
        }
    }

    void finish() {
        if (exists) {
            flush();
        }
    }

    private void flush() {
        fields.add(current.toString());
        current.setLength(0);
        exists = false;
    }
}
