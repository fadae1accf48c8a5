package dev.dockmock.engine.files;

import dev.dockmock.protocol.DockerException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** PAX extended header records: {@code "<length> <key>=<value>\n"}, the length counting itself. */
final class PaxRecords {

    private PaxRecords() {
    }

    static byte[] format(Map<String, String> records) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> record : records.entrySet()) {
            int rest = TarHeader.length(" " + record.getKey() + "=" + record.getValue() + "\n");
            int length = rest + String.valueOf(rest).length();
            if (String.valueOf(length).length() != String.valueOf(rest).length()) {
                length = rest + String.valueOf(length).length();
            }
            text.append(length).append(' ').append(record.getKey()).append('=').append(record.getValue()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> parse(byte[] data) {
        Map<String, String> records = new HashMap<>();
        int position = 0;
        while (position < data.length) {
            int space = position;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            if (space == data.length) {
                break;
            }
            int length;
            try {
                length = Integer.parseInt(new String(data, position, space - position, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw malformed();
            }
            if (length <= space - position + 1 || position + length > data.length) {
                throw malformed();
            }
            String record = new String(data, space + 1, position + length - space - 2, StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq > 0) {
                records.put(record.substring(0, eq), record.substring(eq + 1));
            }
            position += length;
        }
        return records;
    }

    /** A PAX time: decimal seconds since the epoch, possibly with a fraction. */
    static Instant time(String text, String entry) {
        try {
            BigDecimal seconds = new BigDecimal(text.trim());
            long whole = seconds.setScale(0, RoundingMode.FLOOR).longValueExact();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole, nanos);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new DockerException(400, "invalid tar archive: bad PAX mtime for \"" + entry + "\"");
        }
    }

    private static DockerException malformed() {
        return new DockerException(400, "invalid tar archive: malformed PAX header");
    }
}
