package dev.dockmock.upstream;

import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.DockerHost;
import dev.dockmock.protocol.Headers;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * An HTTP/1.1 client to a Docker daemon on a unix socket, tcp or TLS. Each request gets a
 * connection of its own, which the answer's body owns: close the {@link UpstreamResponse} (or
 * read its stream to the end) to free it. Safe to use from many threads at once.
 *
 * <pre>{@code
 * UpstreamClient docker = UpstreamClient.of(DockerHost.parse("unix:///var/run/docker.sock"));
 * try (UpstreamResponse ping = docker.send(ApiRequest.of("GET", "/_ping"))) {
 *     ping.status(); // 200
 * }
 * }</pre>
 */
public final class UpstreamClient {
    private static final Pattern HIJACKABLE = Pattern.compile("^/(containers/[^/]+/attach|exec/[^/]+/start)$");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "content-length", "upgrade", "te", "trailer", "expect");
    private static final long MAX_BODY = 1L << 30;

    private final DockerHost host;
    private final Optional<UpstreamTls> tls;
    private final SSLContext context;
    private final Duration connectTimeout;

    private UpstreamClient(DockerHost host, Optional<UpstreamTls> tls, SSLContext context, Duration connectTimeout) {
        this.host = Objects.requireNonNull(host, "host");
        this.tls = tls;
        this.context = context;
        this.connectTimeout = connectTimeout;
    }

    /** A client of a plain daemon. */
    public static UpstreamClient of(DockerHost host) {
        return new UpstreamClient(host, Optional.empty(), null, Duration.ofSeconds(10));
    }

    /**
     * A client of a daemon that speaks TLS on tcp.
     *
     * @throws IOException naming the file when a PEM file cannot be used
     * @throws IllegalArgumentException for a unix host, which has no TLS
     */
    public static UpstreamClient of(DockerHost host, UpstreamTls tls) throws IOException {
        if (host instanceof DockerHost.Unix) {
            throw new IllegalArgumentException("TLS applies to tcp hosts only, not " + host);
        }
        return new UpstreamClient(host, Optional.of(tls), tls.context(), Duration.ofSeconds(10));
    }

    public DockerHost host() {
        return host;
    }

    public Optional<UpstreamTls> tls() {
        return tls;
    }

    /**
     * Sends {@code request} (method, target, headers, body) and reads the answer's head.
     *
     * @throws IOException when the daemon cannot be reached or its answer is not HTTP/1.1
     */
    public UpstreamResponse send(ApiRequest request) throws IOException {
        Wire wire = connect();
        try {
            OutputStream out = wire.output();
            out.write(head(request));
            out.write(request.body());
            out.flush();
            return read(request, wire, new UpstreamInput(wire.input()));
        } catch (IOException | RuntimeException e) {
            wire.close();
            throw e;
        }
    }

    private Wire connect() throws IOException {
        if (host instanceof DockerHost.Unix unix) {
            return UnixWire.connect(unix);
        }
        boolean verify = tls.map(UpstreamTls::verify).orElse(false);
        return SocketWire.connect((DockerHost.Tcp) host, context, verify, connectTimeout);
    }

    private byte[] head(ApiRequest request) {
        StringBuilder text = new StringBuilder(512);
        text.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        if (!request.headers().has("Host")) {
            text.append("Host: ").append(host instanceof DockerHost.Tcp tcp ? tcp.host() + ":" + tcp.port() : "docker")
                    .append("\r\n");
        }
        for (var field : request.headers().fields()) {
            if (!HOP_BY_HOP.contains(field.getKey().toLowerCase(Locale.ROOT))) {
                text.append(field.getKey()).append(": ").append(field.getValue()).append("\r\n");
            }
        }
        boolean framed = request.headers().has("Content-Length") || request.headers().has("Transfer-Encoding");
        if (request.body().length > 0 || framed) {
            text.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        if (request.wantsUpgrade()) {
            text.append("Connection: Upgrade\r\nUpgrade: ").append(request.headers().first("Upgrade").orElse("tcp"))
                    .append("\r\n");
        } else {
            text.append("Connection: close\r\n");
        }
        text.append("\r\n");
        return text.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private UpstreamResponse read(ApiRequest request, Wire wire, UpstreamInput input) throws IOException {
        while (true) {
            String statusLine = input.readLine();
            if (statusLine == null) {
                throw new IOException(host + " closed the connection without answering " + request);
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException(host + " answered " + request + " with something not HTTP/1.1: \"" + statusLine + "\"");
            }
            int status;
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException(host + " sent a bad status line: \"" + statusLine + "\"");
            }
            Headers headers = readHeaders(input);
            if (status == 100) {
                continue;
            }
            String reason = parts.length > 2 ? parts[2] : "";
            return new UpstreamResponse(status, reason, headers, body(request, status, headers, wire, input));
        }
    }

    private static Headers readHeaders(UpstreamInput input) throws IOException {
        Headers.Builder headers = Headers.builder();
        String line;
        while ((line = input.readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("the daemon sent a bad header line: \"" + line + "\"");
            }
            headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        if (line == null) {
            throw new IOException("the daemon closed the connection inside the response head");
        }
        return headers.build();
    }

    private static UpstreamBody body(ApiRequest request, int status, Headers headers, Wire wire, UpstreamInput input)
            throws IOException {
        if (status == 101) {
            return new UpstreamBody.Raw(new RawWire(wire, input, true));
        }
        if (request.method().equals("HEAD") || status == 204 || status == 304 || status < 200) {
            wire.close();
            return new UpstreamBody.Empty();
        }
        if (headers.hasToken("Transfer-Encoding", "chunked")) {
            return new UpstreamBody.Stream(true, new ChunkedSource(wire, input));
        }
        Optional<String> length = headers.first("Content-Length");
        if (length.isPresent()) {
            long size;
            try {
                size = Long.parseLong(length.get().trim());
            } catch (NumberFormatException e) {
                throw new IOException("the daemon sent a bad Content-Length: \"" + length.get() + "\"");
            }
            if (size < 0 || size > MAX_BODY) {
                throw new IOException("the daemon announced a body of " + size + " bytes; the limit is " + MAX_BODY);
            }
            byte[] data = input.readExactly((int) size);
            wire.close();
            return new UpstreamBody.Bytes(data);
        }
        // dockerd answers attach and exec start without Upgrade with a plain 200 and then the
        // raw stream, which it ends by closing; the client may still write stdin to it.
        if (status == 200 && request.method().equals("POST") && HIJACKABLE.matcher(request.path()).matches()) {
            return new UpstreamBody.Raw(new RawWire(wire, input, false));
        }
        return new UpstreamBody.Stream(false, new UntilCloseSource(wire, input));
    }
}
