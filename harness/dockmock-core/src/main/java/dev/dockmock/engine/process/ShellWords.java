package dev.dockmock.engine.process;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words as a POSIX shell would, for quoting only: no expansion of any
 * kind. For command lines written in scenario files and test transcripts, not for the simulated
 * shell (which has its own lexer with expansions).
 */
public final class ShellWords {

    private ShellWords() {
    }

    /** Blanks separate words; '...' quotes literally; "..." quotes with \" \\ \$ escapes; \ escapes one character outside quotes. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean started = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                started = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                started = true;
            } else if (Character.isWhitespace(c)) {
                if (started) {
                    words.add(word.toString());
                    word.setLength(0);
                    started = false;
                }
            } else {
                word.append(c);
                started = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("a " + (quote == '\'' ? "'" : "\"") + " quote is not closed");
        }
        if (started) {
            words.add(word.toString());
        }
        return words;
    }
}
