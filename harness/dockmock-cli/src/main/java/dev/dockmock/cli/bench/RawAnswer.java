package dev.dockmock.cli.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One whole response as a server sent it, on a connection of its own: the bytes the minimal
 * server replays and the status, fields and body WireMock's stubs are written from.
 *
 * @param bytes the response exactly as read (head and a {@code Content-Length} framed body)
 * @param status its status code
 * @param fields its header fields as {@code name, value} pairs, in order
 * @param body its body (still chunk-encoded for a chunked answer, which only start-up probes see)
 */
record RawAnswer(byte[] bytes, int status, List<String[]> fields, byte[] body) {

    /** Sends {@code request} to {@code address} and reads the one answer. */
    static RawAnswer exchange(SocketAddress address, byte[] request) throws IOException {
        try (Wire wire = Wire.connect(address)) {
            wire.write(request);
            ByteArrayOutputStream in = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            while (true) {
                int n = wire.read(buffer, 0, buffer.length);
                if (n < 0) {
                    throw new IOException("connection closed before a whole answer arrived");
                }
                in.write(buffer, 0, n);
                RawAnswer answer = parse(in.toByteArray());
                if (answer != null) {
                    return answer;
                }
            }
        }
    }

    /** The answer if {@code data} holds a whole one, else null. */
    static RawAnswer parse(byte[] data) throws IOException {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return null;
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        List<String[]> fields = new ArrayList<>();
        int length = -1;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon);
            String value = lines[i].substring(colon + 1).trim();
            fields.add(new String[] {name, value});
            if (name.toLowerCase(Locale.ROOT).equals("content-length")) {
                length = Integer.parseInt(value);
            } else if (name.equalsIgnoreCase("transfer-encoding")) {
                chunked = true;
            }
        }
        if (chunked) {
            // Start-up probes only need to know the answer is whole; the body stays encoded.
            return text.endsWith("0\r\n\r\n") ? new RawAnswer(data, status, List.copyOf(fields),
                    Arrays.copyOfRange(data, headEnd + 4, data.length)) : null;
        }
        int total = headEnd + 4 + Math.max(length, 0);
        if (data.length < total) {
            return null;
        }
        return new RawAnswer(Arrays.copyOf(data, total), status, List.copyOf(fields),
                Arrays.copyOfRange(data, headEnd + 4, total));
    }
}
