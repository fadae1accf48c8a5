package dev.dockmock.server;

import dev.dockmock.protocol.ClientInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;

/** A unix socket connection, read and written through {@link ChannelStreams}. */
final class UnixTransport implements Transport {
    private final SocketChannel channel;
    private final ClientInfo client;
    private final InputStream input;
    private final OutputStream output;

    UnixTransport(SocketChannel channel, String listener) {
        this.channel = channel;
        this.input = ChannelStreams.input(channel);
        this.output = ChannelStreams.output(channel);
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
}
