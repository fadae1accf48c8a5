package dev.dockmock.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** One client connection of the load generator: blocking reads and writes of whole arrays. */
interface Wire extends AutoCloseable {

    /** Reads at least one byte into {@code buffer[offset, offset + length)}; -1 at end of stream. */
    int read(byte[] buffer, int offset, int length) throws IOException;

    /** Writes all of {@code data}. */
    void write(byte[] data) throws IOException;

    @Override
    void close() throws IOException;

    /** Connects to a tcp ({@link InetSocketAddress}) or unix ({@link UnixDomainSocketAddress}) address. */
    static Wire connect(SocketAddress address) throws IOException {
        if (address instanceof UnixDomainSocketAddress) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(address);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return new Unix(channel);
        }
        Socket socket = new Socket();
        try {
            // Without it a keep-alive request can wait ~40 ms for the delayed ACK of the last one.
            socket.setTcpNoDelay(true);
            socket.connect(address, 5_000);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new Tcp(socket, socket.getInputStream(), socket.getOutputStream());
    }

    /** A tcp socket through its own streams. */
    record Tcp(Socket socket, InputStream in, OutputStream out) implements Wire {
        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return in.read(buffer, offset, length);
        }

        @Override
        public void write(byte[] data) throws IOException {
            out.write(data);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /**
     * A unix socket through the channel itself: on JDK 17 {@code Channels.newInputStream} and
     * {@code newOutputStream} serialise reads and writes. The buffers are wrapped once and reused,
     * so a request allocates nothing.
     */
    final class Unix implements Wire {
        private final SocketChannel channel;
        private byte[] readArray;
        private ByteBuffer readBuffer;
        private byte[] writeArray;
        private ByteBuffer writeBuffer;

        Unix(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (buffer != readArray) {
                readArray = buffer;
                readBuffer = ByteBuffer.wrap(buffer);
            }
            readBuffer.limit(offset + length).position(offset);
            return channel.read(readBuffer);
        }

        @Override
        public void write(byte[] data) throws IOException {
            if (data != writeArray) {
                writeArray = data;
                writeBuffer = ByteBuffer.wrap(data);
            }
            writeBuffer.clear();
            while (writeBuffer.hasRemaining()) {
                channel.write(writeBuffer);
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
