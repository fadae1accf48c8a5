package dev.dockmock.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLException;

/**
 * How a connection ended, as its client saw it.
 *
 * @param outcome a short label for the figures
 * @param acceptable whether a well-behaved server may end it so
 * @param detail what was read or thrown, for a failure message
 */
record ClientEnding(String outcome, boolean acceptable, String detail) {
    private static final int MAX_BYTES = 64 * 1024;

    /**
     * Reads to the end of the stream. Over TLS ({@code decrypted}) a client that sent no request
     * may get no byte at all; over a plain socket it may get a TLS alert or an HTTP 400, nothing else.
     */
    static ClientEnding read(InputStream in, boolean decrypted) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0 && got.size() < MAX_BYTES; n = in.read(buffer)) {
                got.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            return new ClientEnding("silence", false, "no close within the read time-out after " + got.size() + " bytes");
        } catch (IOException e) {
            return got.size() == 0 ? refusal(e) : new ClientEnding("error after bytes", false, e + " after " + text(got));
        }
        if (got.size() == 0) {
            return new ClientEnding(decrypted ? "closed (close_notify)" : "closed", true, "");
        }
        if (decrypted) {
            return new ClientEnding("bytes", false, text(got));
        }
        byte[] bytes = got.toByteArray();
        if (bytes[0] == 0x15) {
            return new ClientEnding("TLS alert, closed", true, "");
        }
        if (bytes[0] == 0x14 || bytes[0] == 0x16 || bytes[0] == 0x17) {
            return new ClientEnding("TLS records, closed", true, "");
        }
        String answer = text(got);
        if (answer.startsWith("HTTP/1.")) {
            String status = answer.length() >= 12 ? answer.substring(9, 12) : answer;
            return new ClientEnding("HTTP " + status + ", closed", status.startsWith("4"), answer);
        }
        return new ClientEnding("garbled", false, answer);
    }

    /** An exception in place of an answer: a TLS alert is a refusal; a reset or anything else is not clean. */
    static ClientEnding refusal(IOException e) {
        if (e instanceof SocketException && String.valueOf(e.getMessage()).contains("reset")
                || e.getCause() instanceof SocketException cause && String.valueOf(cause.getMessage()).contains("reset")) {
            return new ClientEnding("reset", false, e.toString());
        }
        if (e instanceof SSLException) {
            String message = String.valueOf(e.getMessage());
            return new ClientEnding("refused: " + (message.length() > 60 ? message.substring(0, 60) : message), true, e.toString());
        }
        return new ClientEnding("error: " + e.getClass().getSimpleName(), false, e.toString());
    }

    private static String text(ByteArrayOutputStream got) {
        String text = got.toString(StandardCharsets.ISO_8859_1);
        return (text.length() > 200 ? text.substring(0, 200) + "..." : text).replace("\r", "\\r").replace("\n", "\\n");
    }
}
