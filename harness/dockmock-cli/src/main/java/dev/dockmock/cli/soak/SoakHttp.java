package dev.dockmock.cli.soak;

import dev.dockmock.protocol.DockerHost;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A keep-alive HTTP/1.1 client on one unix or tcp connection, as docker-java keeps one: it sends
 * a request, reads the whole answer (framed by {@code Content-Length}, chunked coding, or the end
 * of the connection), and reconnects on the next request when the server closed it.
 */
final class SoakHttp implements AutoCloseable {
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private final DockerHost host;
    private Connection connection;

    /** A status and the body as text. */
    record Reply(int status, String body) {
    }

    private record Connection(AutoCloseable socket, InputStream in, OutputStream out) {
    }

    SoakHttp(DockerHost host) {
        this.host = host;
    }

    /** Sends {@code method target} with an optional JSON body and reads the answer. */
    Reply call(String method, String target, String json) throws IOException {
        if (connection == null) {
            connection = connect(host);
        }
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + target + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: dockmock-soak\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        try {
            connection.out().write(head.getBytes(StandardCharsets.US_ASCII));
            connection.out().write(body);
            connection.out().flush();
            return read(method.equals("HEAD"));
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private Reply read(boolean head) throws IOException {
        InputStream in = connection.in();
        String status = line(in);
        if (!status.startsWith("HTTP/1.") || status.length() < 12) {
            throw new IOException("not an HTTP answer: " + status);
        }
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String field = line(in); !field.isEmpty(); field = line(in)) {
            String lower = field.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:")) {
                chunked = lower.contains("chunked");
            } else if (lower.startsWith("connection:")) {
                close = lower.contains("close");
            }
        }
        int code = Integer.parseInt(status.substring(9, 12));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        // HTTP: answers to HEAD, 1xx, 204 and 304 have no body whatever their fields say.
        if (!head && code >= 200 && code != 204 && code != 304) {
            if (chunked) {
                chunks(in, body);
            } else if (length >= 0) {
                copy(in, body, length);
            } else {
                in.transferTo(body);
                close = true;
            }
        }
        if (close) {
            close();
        }
        return new Reply(code, body.toString(StandardCharsets.UTF_8));
    }

    private static void chunks(InputStream in, ByteArrayOutputStream body) throws IOException {
        while (true) {
            String size = line(in);
            int semicolon = size.indexOf(';');
            long length = Long.parseLong((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
            if (length == 0) {
                while (!line(in).isEmpty()) {
                    // trailers
                }
                return;
            }
            copy(in, body, length);
            line(in);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream body, long length) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("the answer ended early");
            }
            body.write(buffer, 0, n);
            left -= n;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("the connection closed");
            }
            if (c != '\r') {
                text.write(c);
            }
        }
        return text.toString(StandardCharsets.ISO_8859_1);
    }

    private static Connection connect(DockerHost host) throws IOException {
        if (host instanceof DockerHost.Unix unix) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(unix.path()));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            // No read time-out on a unix channel's stream; the server's own time-outs end a stuck answer.
            return new Connection(channel, new BufferedInputStream(Channels.newInputStream(channel)), Channels.newOutputStream(channel));
        }
        DockerHost.Tcp tcp = (DockerHost.Tcp) host;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(tcp.host(), tcp.port()), 5_000);
            return new Connection(socket, new BufferedInputStream(socket.getInputStream()), socket.getOutputStream());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.socket().close();
            } catch (Exception ignored) {
                // already broken
            }
            connection = null;
        }
    }
}
