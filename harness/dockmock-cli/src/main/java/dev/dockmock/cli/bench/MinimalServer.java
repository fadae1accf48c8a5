package dev.dockmock.cli.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The practical ceiling: one selector thread answering precomputed bytes. It parses only enough
 * to find where a request ends (the blank line, then {@code Content-Length} bytes of body) and
 * which answer to send (its request line). Nothing a real server does besides that: no header
 * map, no routing, no allocation per request. Listens on loopback tcp or a unix socket.
 */
final class MinimalServer implements AutoCloseable {
    private final ServerSocketChannel server;
    private final Selector selector;
    private final Map<String, byte[]> answers;
    private final SocketAddress address;
    private final Thread thread;

    private MinimalServer(ServerSocketChannel server, Map<String, byte[]> answers) throws IOException {
        this.server = server;
        this.answers = Map.copyOf(answers);
        this.address = server.getLocalAddress();
        this.selector = Selector.open();
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        this.thread = new Thread(this::loop, "bench-minimal");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts a server answering each request line ({@code "GET /_ping HTTP/1.1"}) with its whole
     * precomputed response. {@code socket} is a unix socket path, or null for loopback tcp.
     */
    static MinimalServer start(Map<String, byte[]> answers, Path socket) throws IOException {
        ServerSocketChannel channel;
        if (socket == null) {
            channel = ServerSocketChannel.open(StandardProtocolFamily.INET);
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        } else {
            Files.deleteIfExists(socket);
            channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(socket), 1024);
        }
        return new MinimalServer(channel, answers);
    }

    SocketAddress address() {
        return address;
    }

    private void loop() {
        try {
            while (selector.isOpen()) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept();
                    } else if (key.isReadable()) {
                        serve(key);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException closed) {
            // close() ended the loop
        }
    }

    private void accept() throws IOException {
        SocketChannel client;
        while ((client = server.accept()) != null) {
            client.configureBlocking(false);
            if (address instanceof InetSocketAddress) {
                client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            client.register(selector, SelectionKey.OP_READ, new Pending());
        }
    }

    private void serve(SelectionKey key) {
        SocketChannel client = (SocketChannel) key.channel();
        Pending pending = (Pending) key.attachment();
        try {
            if (client.read(pending.in) < 0) {
                throw new IOException("closed");
            }
            byte[] answer;
            while ((answer = pending.nextAnswer(answers)) != null) {
                ByteBuffer out = ByteBuffer.wrap(answer);
                while (out.hasRemaining()) {
                    // Answers are small enough for the socket buffer; a full one only spins briefly.
                    client.write(out);
                }
            }
        } catch (IOException | RuntimeException e) {
            key.cancel();
            try {
                client.close();
            } catch (IOException ignored) {
                // gone either way
            }
        }
    }

    @Override
    public void close() {
        try {
            selector.close();
            server.close();
            if (address instanceof UnixDomainSocketAddress unix) {
                Files.deleteIfExists(unix.getPath());
            }
        } catch (IOException ignored) {
            // best effort
        }
        thread.interrupt();
    }

    /** A connection's unparsed input; finds whole requests in it. */
    private static final class Pending {
        private static final byte[] CONTENT_LENGTH = "\r\ncontent-length:".getBytes(StandardCharsets.US_ASCII);
        private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);

        /** The answer to the next whole request in the buffer, consuming it; null until one is whole. */
        byte[] nextAnswer(Map<String, byte[]> answers) throws IOException {
            byte[] data = in.array();
            int end = in.position();
            int headEnd = -1;
            for (int i = 3; i < end; i++) {
                if (data[i] == '\n' && data[i - 1] == '\r' && data[i - 2] == '\n' && data[i - 3] == '\r') {
                    headEnd = i + 1;
                    break;
                }
            }
            if (headEnd < 0) {
                if (end == data.length) {
                    throw new IOException("request head too large");
                }
                return null;
            }
            int lineEnd = 0;
            while (data[lineEnd] != '\r') {
                lineEnd++;
            }
            int total = headEnd + contentLength(data, lineEnd, headEnd);
            if (total > end) {
                return null;
            }
            byte[] answer = answers.get(new String(data, 0, lineEnd, StandardCharsets.ISO_8859_1));
            in.flip().position(total);
            in.compact();
            if (answer == null) {
                throw new IOException("no answer for this request");
            }
            return answer;
        }

        private static int contentLength(byte[] data, int from, int to) {
            byte[] name = CONTENT_LENGTH;
            outer:
            for (int i = from; i + name.length < to; i++) {
                for (int j = 0; j < name.length; j++) {
                    if (Character.toLowerCase(data[i + j]) != name[j]) {
                        continue outer;
                    }
                }
                int value = 0;
                for (int k = i + name.length; k < to && data[k] != '\r'; k++) {
                    if (data[k] >= '0' && data[k] <= '9') {
                        value = value * 10 + (data[k] - '0');
                    }
                }
                return value;
            }
            return 0;
        }
    }
}
