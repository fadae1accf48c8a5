package dev.dockmock.engine.process;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Backslash escapes of {@code echo -e}, {@code printf %b} and printf formats. Octal and hex
 * escapes give raw bytes, so the output is built as bytes.
 */
final class Escapes {

    private Escapes() {
    }

    /**
     * Appends {@code text} with its escapes processed.
     *
     * @param echoStyle octal as {@code \0nnn} (echo, %b) rather than {@code \nnn} (printf formats)
     * @return {@code false} when {@code \c} asked to stop all output
     */
    static boolean append(String text, boolean echoStyle, ByteArrayOutputStream out) {
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                plain.append(c);
                continue;
            }
            out.writeBytes(plain.toString().getBytes(StandardCharsets.UTF_8));
            plain.setLength(0);
            char next = text.charAt(++i);
            int simple = simple(next, echoStyle);
            if (simple >= 0) {
                out.write(simple);
            } else if (next == 'c') {
                return false;
            } else if (next >= '0' && next <= '7' && (!echoStyle || next == '0')) {
                int start = echoStyle ? i + 1 : i;
                int end = start;
                while (end < text.length() && end < start + 3 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
                    end++;
                }
                out.write(end == start ? 0 : Integer.parseInt(text.substring(start, end), 8) & 0xff);
                i = end - 1;
            } else if (next == 'x' && i + 1 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0) {
                int end = i + 1;
                while (end < text.length() && end < i + 3 && Character.digit(text.charAt(end), 16) >= 0) {
                    end++;
                }
                out.write(Integer.parseInt(text.substring(i + 1, end), 16));
                i = end - 1;
            } else {
                plain.append('\\').append(next);
            }
        }
        out.writeBytes(plain.toString().getBytes(StandardCharsets.UTF_8));
        return true;
    }

    private static int simple(char c, boolean echoStyle) {
        return switch (c) {
            case 'a' -> 7;
            case 'b' -> 8;
            case 'e' -> 27;
            case 'f' -> 12;
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> 11;
            case '\\' -> '\\';
            case '"', '\'' -> echoStyle ? -1 : c;
            default -> -1;
        };
    }
}
