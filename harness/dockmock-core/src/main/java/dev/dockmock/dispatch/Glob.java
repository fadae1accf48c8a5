package dev.dockmock.dispatch;

import java.util.regex.Pattern;

/** A name pattern where {@code *} stands for any run of characters and everything else is literal. */
public record Glob(String text, Pattern pattern) {

    public static Glob of(String text) {
        StringBuilder regex = new StringBuilder();
        String[] parts = text.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return new Glob(text, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    public boolean matches(String value) {
        return value != null && pattern.matcher(value).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
