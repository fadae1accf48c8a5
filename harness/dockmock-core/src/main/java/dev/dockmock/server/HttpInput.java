package dev.dockmock.server;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The buffered input of one connection. The request head is read line by line; after a hijack the
 * same object is the client's stdin, so bytes that arrived with the request head are not lost.
 */
final class HttpInput extends LineInput {

    HttpInput(InputStream in) {
        super(in);
    }

    /**
     * Reads one line without its CRLF (or bare LF), at most {@code max} bytes.
     *
     * @return the line, or {@code null} at end of stream before any byte
     * @throws HttpProblem 431 when the line is longer than {@code max}, 400 when the stream ends mid-line
     */
    String readLine(int max) throws IOException, HttpProblem {
        try {
            return line(max);
        } catch (LineTooLongException e) {
            throw new HttpProblem(431, "request header line too long (limit " + max + " bytes)");
        } catch (EOFException e) {
            throw new HttpProblem(400, "unexpected end of request");
        }
    }
}
