package dev.dockmock.cli.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A keep-alive HTTP/1.1 client on a unix socket that sends {@code GET}s one at a time and reads
 * each whole answer (by {@code Content-Length} or chunked coding), for the swarm scale benchmark.
 */
final class UnixHttp implements AutoCloseable {
    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    private UnixHttp(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
        this.out = Channels.newOutputStream(channel);
    }

    static UnixHttp connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new UnixHttp(channel);
    }

    /**
     * Sends {@code GET target} and reads the answer.
     *
     * @return the body's length
     * @throws IOException when the answer is not a 200
     */
    long get(String target) throws IOException {
        out.write(("GET " + target + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: dockmock-bench\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = line();
        long length = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        long body = chunked ? chunks() : skip(Math.max(0, length));
        if (!status.startsWith("HTTP/1.1 200")) {
            throw new IOException(target + " answered " + status);
        }
        return body;
    }

    private long chunks() throws IOException {
        long total = 0;
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            long length = Long.parseLong((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
            if (length == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return total;
            }
            total += skip(length);
            line();
        }
    }

    private long skip(long length) throws IOException {
        long left = length;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("the answer ended early");
                }
                skipped = 1;
            }
            left -= skipped;
        }
        return length;
    }

    private String line() throws IOException {
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
        return text.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
