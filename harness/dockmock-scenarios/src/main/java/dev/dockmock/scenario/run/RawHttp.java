package dev.dockmock.scenario.run;

import dev.dockmock.protocol.DockerHost;
import java.io.ByteArrayOutputStream;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request with {@code Connection: close}, on a unix socket, tcp or TLS, and its whole
 * answer (chunked bodies decoded). Enough for a scenario's raw requests; not a general client.
 */
final class RawHttp {

    /** An answer: the status and the body as text. */
    record Answer(int status, String statusLine, String body) {
    }

    private RawHttp() {
    }

    static Answer send(String dockerHost, TlsFiles tls, boolean useTls, String method, String target, Map<String, String> headers,
            String body, Duration timeout) throws IOException {
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: docker\r\nUser-Agent: dockmock-scenario\r\nConnection: close\r\n");
        if (payload.length > 0 && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
            head.append("Content-Type: application/json\r\n");
        }
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
        DockerHost host = DockerHost.parse(dockerHost);
        try (Connection connection = connect(host, tls, useTls, timeout)) {
            connection.out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            connection.out.write(payload);
            connection.out.flush();
            return read(connection.in);
        }
    }

    private record Connection(AutoCloseable resource, InputStream in, OutputStream out) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                resource.close();
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }

    private static Connection connect(DockerHost host, TlsFiles tls, boolean useTls, Duration timeout) throws IOException {
        String text = host.toString();
        if (text.startsWith("unix://")) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(Path.of(text.substring("unix://".length()))));
            return new Connection(channel, Channels.newInputStream(channel), Channels.newOutputStream(channel));
        }
        String address = text.substring(text.indexOf("://") + 3);
        int colon = address.lastIndexOf(':');
        InetSocketAddress target = new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
        Socket socket = useTls ? ClientTls.context(tls).getSocketFactory().createSocket() : new Socket();
        socket.connect(target, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        return new Connection(socket, socket.getInputStream(), socket.getOutputStream());
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/")) {
            throw new IOException("no HTTP answer" + (statusLine == null ? " (the connection closed)" : ": " + statusLine));
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (String size = line(in); size != null; size = line(in)) {
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    break;
                }
                body.write(in.readNBytes(n));
                line(in);
            }
        } else if (length >= 0) {
            body.write(in.readNBytes((int) length));
        } else if (status != 204 && status != 304) {
            in.transferTo(body);
        }
        return new Answer(status, statusLine, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
