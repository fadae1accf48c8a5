package dev.dockmock.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * What {@link TlsTransport} does with a client's first bytes: tell plain HTTP from a TLS record
 * and answer it as Go's server does, or hand the bytes to a server-side TLS socket.
 */
final class TlsFirstBytes {
    /** A TLS record header's length: enough to tell the two apart. */
    static final int HEADER = 5;
    /** Go's net/http answer, byte for byte, which docker clients show as the daemon's error. */
    private static final byte[] PLAIN_HTTP_ANSWER = "HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n"
            .getBytes(StandardCharsets.US_ASCII);
    // The record headers Go's server takes for plain HTTP; no TLS record starts like these.
    private static final Set<String> HTTP_STARTS = Set.of("GET /", "HEAD ", "POST ", "PUT /", "OPTIO");

    private TlsFirstBytes() {
    }

    static boolean isPlainHttp(byte[] header, int read) {
        return read == HEADER && HTTP_STARTS.contains(new String(header, StandardCharsets.ISO_8859_1));
    }

    static void answerPlainHttp(Socket plain) throws IOException {
        plain.getOutputStream().write(PLAIN_HTTP_ANSWER);
    }

    /** The server side of TLS over {@code plain}, starting with the bytes already read from it. */
    static SSLSocket serverSocket(SSLSocketFactory factory, Socket plain, byte[] header, int read, boolean verifyClients)
            throws IOException {
        // Not closing the plain socket with the TLS one: after a failed handshake it is drained first.
        SSLSocket ssl = (SSLSocket) factory.createSocket(plain, new ByteArrayInputStream(header, 0, read), false);
        SSLParameters params = ssl.getSSLParameters();
        params.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        params.setApplicationProtocols(new String[] {"http/1.1"});
        params.setNeedClientAuth(verifyClients);
        ssl.setSSLParameters(params);
        return ssl;
    }
}
