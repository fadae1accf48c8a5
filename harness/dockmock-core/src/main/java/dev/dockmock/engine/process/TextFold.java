package dev.dockmock.engine.process;

/** {@code fold}'s wrapping: tabs to the next multiple of eight, backspace one back, a break before the column that passes the width. */
final class TextFold {

    private TextFold() {
    }

    static void fold(String text, int width, boolean atBlanks, boolean bytes, StringBuilder out) {
        StringBuilder line = new StringBuilder();
        int column = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append(line).append('\n');
                line.setLength(0);
                column = 0;
                continue;
            }
            int next = next(column, c, bytes);
            if (next > width && line.length() > 0) {
                int blank = atBlanks ? lastBlank(line) : -1;
                if (blank >= 0) {
                    out.append(line, 0, blank + 1).append('\n');
                    line.delete(0, blank + 1);
                    column = 0;
                    for (int k = 0; k < line.length(); k++) {
                        column = next(column, line.charAt(k), bytes);
                    }
                } else {
                    out.append(line).append('\n');
                    line.setLength(0);
                    column = 0;
                }
                next = next(column, c, bytes);
            }
            line.append(c);
            column = next;
        }
        out.append(line);
    }

    private static int next(int column, char c, boolean bytes) {
        if (bytes) {
            return column + 1;
        }
        return switch (c) {
            case '\t' -> column + 8 - column % 8;
            case '\b' -> Math.max(0, column - 1);
            case '\r' -> 0;
            default -> column + 1;
        };
    }

    private static int lastBlank(StringBuilder line) {
        for (int i = line.length() - 1; i >= 0; i--) {
            if (line.charAt(i) == ' ' || line.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }
}
