package dev.dockmock.server;

import dev.dockmock.protocol.ClientInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A unix socket connection. It reads and writes the channel directly: on JDK 17 the streams from
 * {@code Channels.newInputStream/newOutputStream} serialise reads and writes, so a write would
 * wait behind a blocked read, which breaks every hijacked stream.
 */
final class UnixTransport implements Transport {
    private final SocketChannel channel;
    private final ClientInfo client;
    private final InputStream input = new ChannelInput();
    private final OutputStream output = new ChannelOutput();

    UnixTransport(SocketChannel channel, String listener) {
        this.channel = channel;
        this.client = new ClientInfo(listener, "unix", false);
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void shutdownOutput() throws IOException {
        if (channel.isOpen()) {
            channel.shutdownOutput();
        }
    }

    @Override
    public void shutdownInput() throws IOException {
        if (channel.isOpen()) {
            channel.shutdownInput();
        }
    }

    /** Unix sockets have no reset: the peer reads end of stream. */
    @Override
    public void reset() {
        close();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public ClientInfo client() {
        return client;
    }

    private final class ChannelInput extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            return channel.read(ByteBuffer.wrap(b, off, len));
        }
    }

    private final class ChannelOutput extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }
}
