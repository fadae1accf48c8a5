package dev.dockmock.testing;

import dev.dockmock.protocol.DockerHost;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A deliberately dumb HTTP/1.1 client over tcp, TLS or a unix socket: it writes exactly the bytes a
 * test gives it and reads responses, chunks and raw stream bytes back, each read bounded by a
 * time-out. End of stream reads as EOF; a reset connection throws, so a test that reads to EOF
 * also checks the server ended cleanly. Reading and writing may run on two threads at once.
 */
public final class RawHttpClient implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Connection connection;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;

    private RawHttpClient(Connection connection) {
        this.connection = connection;
    }

    public static RawHttpClient connect(DockerHost host) throws IOException {
        return connect(host, DEFAULT_TIMEOUT);
    }

    /** Connects; every later read fails with {@link java.net.SocketTimeoutException} after {@code readTimeout}. */
    public static RawHttpClient connect(DockerHost host, Duration readTimeout) throws IOException {
        return new RawHttpClient(Connection.open(host, readTimeout));
    }

    /**
     * Connects over TLS and completes the handshake; {@link #shutdownOutput()} then sends
     * close_notify, which a TLS 1.3 server reads as end of stream while this client still reads.
     */
    public static RawHttpClient connectTls(DockerHost.Tcp host, SSLContext tls, Duration readTimeout) throws IOException {
        return connectTls(host, tls, readTimeout, socket -> { });
    }

    /** As {@link #connectTls(DockerHost.Tcp, SSLContext, Duration)}, with the socket set up by {@code configure} (protocols, ALPN) before its handshake. */
    public static RawHttpClient connectTls(DockerHost.Tcp host, SSLContext tls, Duration readTimeout,
            Consumer<SSLSocket> configure) throws IOException {
        return new RawHttpClient(Connection.openTls(host, tls, readTimeout, configure));
    }

    /** The socket of a {@link #connectTls} client (its session, another handshake); null for a plain connection. */
    public SSLSocket tlsSocket() {
        return connection.tlsSocket();
    }

    /** A request head with {@code Host: docker} and the given extra lines, ended by the empty line. */
    public static String request(String method, String target, String... headerLines) {
        StringBuilder text = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: docker\r\n");
        for (String line : headerLines) {
            text.append(line).append("\r\n");
        }
        return text.append("\r\n").toString();
    }

    public RawHttpClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawHttpClient send(byte[] data) throws IOException {
        connection.write(data, 0, data.length);
        return this;
    }

    /** Sends a request and reads its response. */
    public RawResponse exchange(String requestText) throws IOException {
        send(requestText);
        return readResponse(requestText.startsWith("HEAD "));
    }

    /** Half-closes: the server reads end of stream, this client can still read. */
    public void shutdownOutput() throws IOException {
        connection.shutdownOutput();
    }

    public RawResponse readResponse() throws IOException {
        return readResponse(false);
    }

    /** Reads a whole response; {@code toHead} says the request was HEAD, so no body follows. */
    public RawResponse readResponse(boolean toHead) throws IOException {
        RawResponse head = readHead();
        int status = head.status();
        if (toHead || status < 200 || status == 204 || status == 304) {
            return head;
        }
        String coding = head.header("Transfer-Encoding");
        if (coding != null && coding.equalsIgnoreCase("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (byte[] chunk = readChunk(); chunk != null; chunk = readChunk()) {
                body.writeBytes(chunk);
            }
            return head.withBody(body.toByteArray(), true);
        }
        String length = head.header("Content-Length");
        return head.withBody(length == null ? readToEof() : readExactly(Integer.parseInt(length.trim())), false);
    }

    /** Reads a status line and header fields only; the body, if any, is left to read. */
    public RawResponse readHead() throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new EOFException("connection closed before a response");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            headers.add(new AbstractMap.SimpleImmutableEntry<>(line.substring(0, colon), line.substring(colon + 1).trim()));
        }
        return new RawResponse(Integer.parseInt(parts[1]), statusLine, List.copyOf(headers), new byte[0], false);
    }

    /** Reads one chunk of a chunked body; {@code null} for the last chunk (its trailers are consumed). */
    public byte[] readChunk() throws IOException {
        String sizeLine = readLine();
        if (sizeLine == null) {
            throw new EOFException("connection closed inside a chunked body");
        }
        int semicolon = sizeLine.indexOf(';');
        int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
        if (size == 0) {
            for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
                // trailer fields are not used by any test
            }
            return null;
        }
        byte[] data = readExactly(size);
        String end = readLine();
        if (end == null || !end.isEmpty()) {
            throw new IOException("chunk not followed by CRLF");
        }
        return data;
    }

    /** Reads a line without its CRLF; {@code null} at end of stream before any byte. */
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = read();
            if (b < 0) {
                if (line.size() == 0) {
                    return null;
                }
                throw new EOFException("connection closed mid-line: " + line);
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
    }

    public byte[] readExactly(int count) throws IOException {
        byte[] data = new byte[count];
        int read = 0;
        while (read < count) {
            int n = read(data, read, count - read);
            if (n < 0) {
                throw new EOFException("connection closed after " + read + " of " + count + " bytes");
            }
            read += n;
        }
        return data;
    }

    /** Reads until the server ends the stream; throws if the connection is reset instead. */
    public byte[] readToEof() throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] scratch = new byte[8192];
        for (int n = read(scratch, 0, scratch.length); n >= 0; n = read(scratch, 0, scratch.length)) {
            data.write(scratch, 0, n);
        }
        return data.toByteArray();
    }

    /** Reads what is available, at most {@code max} bytes, waiting for at least one; -1 at end of stream. */
    public int read(byte[] b, int off, int len) throws IOException {
        if (position < limit) {
            int n = Math.min(len, limit - position);
            System.arraycopy(buffer, position, b, off, n);
            position += n;
            return n;
        }
        return connection.read(b, off, len);
    }

    private int read() throws IOException {
        if (position == limit) {
            int n = connection.read(buffer, 0, buffer.length);
            if (n < 0) {
                return -1;
            }
            position = 0;
            limit = n;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
