package dev.dockmock.engine.process;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP response as {@code wget} reads it from the bytes a container's port sends back.
 *
 * @param lines the status line and the header lines, without line ends (empty when nothing came)
 * @param headersEnded whether the empty line ending the headers came
 * @param body the body as sent, de-chunked; with {@code complete} false it ended too early
 * @param complete whether the body is as long as {@code Content-Length} (or its chunks) said
 */
record HttpReply(List<String> lines, boolean headersEnded, byte[] body, boolean complete) {

    static HttpReply parse(byte[] raw) {
        List<String> lines = new ArrayList<>();
        int at = 0;
        boolean ended = false;
        while (at < raw.length) {
            int end = indexOf(raw, (byte) '\n', at);
            if (end < 0) {
                lines.add(text(raw, at, raw.length));
                at = raw.length;
                break;
            }
            String line = text(raw, at, end);
            at = end + 1;
            if (line.isEmpty()) {
                ended = true;
                break;
            }
            lines.add(line);
        }
        byte[] rest = Arrays.copyOfRange(raw, at, raw.length);
        HttpReply headersOnly = new HttpReply(lines, ended, rest, true);
        if (headersOnly.header("transfer-encoding").map(v -> v.equalsIgnoreCase("chunked")).orElse(false)) {
            return dechunked(lines, ended, rest);
        }
        Optional<String> length = headersOnly.header("content-length");
        if (length.isPresent() && length.get().matches("\\d{1,18}")) {
            long declared = Long.parseLong(length.get());
            if (declared <= rest.length) {
                return new HttpReply(lines, ended, Arrays.copyOf(rest, (int) declared), true);
            }
            return new HttpReply(lines, ended, rest, false);
        }
        return headersOnly;
    }

    /** The status code: the number after the first word of the status line, 0 when there is none. */
    int status() {
        if (lines.isEmpty()) {
            return 0;
        }
        String[] words = lines.get(0).trim().split("\\s+");
        return words.length > 1 && words[1].matches("\\d{1,9}.*") ? Integer.parseInt(words[1].replaceAll("\\D.*", "")) : 0;
    }

    /** The status line as busybox prints it. */
    String statusLine() {
        return lines.isEmpty() ? "" : lines.get(0);
    }

    /** The value of the first header named {@code name} (case-insensitive). */
    Optional<String> header(String name) {
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(line.substring(colon + 1).trim());
            }
        }
        return Optional.empty();
    }

    private static HttpReply dechunked(List<String> lines, boolean ended, byte[] rest) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int end = indexOf(rest, (byte) '\n', at);
            if (end < 0) {
                return new HttpReply(lines, ended, body.toByteArray(), false);
            }
            String size = text(rest, at, end).replaceAll(";.*", "").trim();
            if (!size.matches("[0-9a-fA-F]{1,7}")) {
                return new HttpReply(lines, ended, body.toByteArray(), false);
            }
            int length = Integer.parseInt(size, 16);
            at = end + 1;
            if (length == 0) {
                return new HttpReply(lines, ended, body.toByteArray(), true);
            }
            if (at + length > rest.length) {
                body.write(rest, at, rest.length - at);
                return new HttpReply(lines, ended, body.toByteArray(), false);
            }
            body.write(rest, at, length);
            at += length;
            int lineEnd = indexOf(rest, (byte) '\n', at);
            at = lineEnd < 0 ? rest.length : lineEnd + 1;
        }
    }

    /** The line without its CR, control characters shown as {@code ?} (busybox sanitizes what it prints). */
    private static String text(byte[] raw, int from, int to) {
        if (to > from && raw[to - 1] == '\r') {
            to--;
        }
        String line = new String(raw, from, to - from, StandardCharsets.ISO_8859_1);
        return line.replaceAll("[\\x00-\\x1f\\x7f]", "?");
    }

    private static int indexOf(byte[] data, byte wanted, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
